package jp.foodtrace.sync.epcis.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import jp.foodtrace.rest.Problem;
import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.sync.config.SyncConfig;
import jp.foodtrace.sync.epcis.EventHash;
import jp.foodtrace.sync.epcis.EventIndex;
import jp.foodtrace.sync.epcis.Namespaces;
import jp.foodtrace.sync.epcis.repository.EpcisRepository;
import jp.foodtrace.sync.epcis.repository.EpcisRepository.CaptureJob;
import jp.foodtrace.sync.epcis.repository.EpcisRepository.NewEvent;
import jp.foodtrace.sync.epcis.service.EpcisSchema.Violation;

/**
 * Captures an EPCISDocument (or EPCISQueryDocument, as the binding asks): validated against the
 * standard's JSON Schema, each event stored once under its eventID or, when it has none, its
 * CBV event hash ID; an event carrying an {@code errorDeclaration} replaces the stored event it
 * declares erroneous. Capture is synchronous: the job is finished when the answer leaves.
 *
 * <p>{@code GS1-Capture-Error-Behaviour}: {@code rollback} (the default) refuses the whole
 * document with 400 when any event is invalid; {@code proceed} stores the valid events and lists
 * the others in the job's errors.
 */
@ApplicationScoped
public class CaptureService {

    /** A finished capture: the job and whether anything was refused. */
    public record Captured(CaptureJob job, List<Problem.Detail> errors) {
    }

    private static final Pattern EVENT_POINTER = Pattern.compile("(/epcisBody(?:/queryResults/resultsBody)?/eventList/(\\d+))(/.*)?");

    private final EpcisSchema schema;
    private final EpcisRepository store;
    private final ObjectMapper mapper;
    private final SyncConfig config;
    private final MeterRegistry meters;

    public CaptureService(EpcisSchema schema, EpcisRepository store, ObjectMapper mapper, SyncConfig config,
            MeterRegistry meters) {
        this.schema = schema;
        this.store = store;
        this.mapper = mapper;
        this.config = config;
        this.meters = meters;
    }

    @Transactional
    public Captured capture(JsonNode document, String errorBehaviour, String clientId) {
        String behaviour = behaviour(errorBehaviour);
        if (document == null || !document.isObject()) {
            throw ProblemException.badRequest("invalid-epcis-document", "the body is not a JSON object");
        }
        JsonNode eventList = eventList(document);
        if (eventList.size() > config.epcis().captureMaxEvents()) {
            throw new ProblemException(Problem.of(413, "capture-limit-exceeded", "Capture payload too large",
                    "at most " + config.epcis().captureMaxEvents() + " events per capture; this document has "
                            + eventList.size()));
        }
        Map<Integer, List<Problem.Detail>> byEvent = new TreeMap<>();
        List<Problem.Detail> documentErrors = new ArrayList<>();
        for (Violation v : schema.validate(document)) {
            Matcher m = EVENT_POINTER.matcher(v.pointer());
            Problem.Detail detail = Problem.Detail.ofPointer(v.pointer(), "schema-" + v.keyword(), v.message());
            if (m.matches()) {
                byEvent.computeIfAbsent(Integer.parseInt(m.group(2)), k -> new ArrayList<>()).add(detail);
            } else {
                documentErrors.add(detail);
            }
        }
        List<Problem.Detail> refused = new ArrayList<>();
        byEvent.values().forEach(refused::addAll);
        if (!documentErrors.isEmpty() || (!refused.isEmpty() && behaviour.equals("rollback"))) {
            List<Problem.Detail> all = new ArrayList<>(documentErrors);
            all.addAll(refused);
            meters.counter("suite.sync_service.epcis.captured", "outcome", "refused").increment();
            throw ProblemException.invalid(400, "invalid-epcis-document", "EPCIS validation failed",
                    (documentErrors.isEmpty() ? byEvent.size() + " of " + eventList.size() + " events are"
                            : "the document is") + " not valid against the EPCIS 2.0 JSON Schema; nothing was stored",
                    all);
        }

        Map<String, String> namespaces = Namespaces.of(document.get("@context"));
        String namespacesJson = json(mapper.valueToTree(Namespaces.definitions(document.get("@context"))));
        Instant now = Instant.now();
        String captureId = "c" + UUID.randomUUID().toString().replace("-", "");
        Map<String, NewEvent> fresh = new LinkedHashMap<>();
        List<NewEvent> declarations = new ArrayList<>();
        for (int i = 0; i < eventList.size(); i++) {
            if (byEvent.containsKey(i)) {
                continue;
            }
            JsonNode event = eventList.get(i);
            String eventId = event.hasNonNull("eventID") ? event.get("eventID").asText()
                    : EventHash.of(event, namespaces);
            NewEvent e = new NewEvent(eventId, json(event), namespacesJson, EventIndex.of(event));
            if (e.index().errorDeclared()) {
                declarations.add(e);
            } else {
                fresh.putIfAbsent(eventId, e);
            }
        }
        int stored = store.insert(List.copyOf(fresh.values()), captureId, now);
        for (NewEvent d : declarations) {
            stored += declare(d, captureId, now);
        }
        CaptureJob job = new CaptureJob(captureId, clientId, now, Instant.now(), behaviour, refused.isEmpty(),
                eventList.size(), stored, json(mapper.valueToTree(refused)));
        store.insertJob(job);
        meters.counter("suite.sync_service.epcis.captured", "outcome", "stored").increment(stored);
        meters.counter("suite.sync_service.epcis.captured", "outcome", "duplicate")
                .increment(eventList.size() - byEvent.size() - stored);
        return new Captured(job, refused);
    }

    /**
     * An error declaration replaces the stored event it declares erroneous (same eventID, or same
     * hash, since the hash leaves errorDeclaration out); a declaration of an event never captured
     * is stored as it is; a second declaration changes nothing.
     */
    private int declare(NewEvent declaration, String captureId, Instant now) {
        var stored = store.storedEvent(declaration.eventId());
        if (stored.isEmpty()) {
            return store.insert(List.of(declaration), captureId, now);
        }
        if (stored.get().contains("\"errorDeclaration\"")) {
            return 0;
        }
        store.declareError(declaration.eventId(), declaration.json(), declaration.index(), captureId, now);
        return 1;
    }

    private static JsonNode eventList(JsonNode document) {
        JsonNode body = document.path("epcisBody");
        JsonNode list = body.has("queryResults") ? body.path("queryResults").path("resultsBody").path("eventList")
                : body.path("eventList");
        return list.isArray() ? list : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    }

    private static String behaviour(String header) {
        if (header == null || header.isBlank()) {
            return "rollback";
        }
        String b = header.strip().toLowerCase(Locale.ROOT);
        if (!b.equals("rollback") && !b.equals("proceed")) {
            throw ProblemException.badRequest("invalid-capture-error-behaviour",
                    "GS1-Capture-Error-Behaviour must be rollback or proceed");
        }
        return b;
    }

    private String json(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
