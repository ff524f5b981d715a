package jp.foodtrace.sync.epcis.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.foodtrace.rest.Problem;
import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.sync.config.SyncConfig;
import jp.foodtrace.sync.epcis.repository.EventQueryRepository;
import jp.foodtrace.sync.epcis.repository.EventQueryRepository.StoredEvent;

/**
 * Answers simple event queries as an {@code EPCISQueryDocument}. Events come back as they were
 * captured (JSON-LD stays JSON-LD: extension fields untouched) with the repository's
 * {@code recordTime}; the document's {@code @context} is the standard context plus every
 * namespace prefix the events' documents defined. An event whose prefix means something else in
 * another event's document carries its own {@code @context} with that prefix.
 *
 * <p>Paging: {@code perPage} events a page; the {@code nextPageToken} carries the query and the
 * offset (base64url JSON), so the next page is {@code ?nextPageToken=...} alone, as the
 * {@code Link: <...>; rel="next"} header gives it.
 */
@ApplicationScoped
public class QueryService {

    public static final String EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** A page: the query document, and the token of the next page when there is one. */
    public record Page(ObjectNode document, String nextPageToken) {
    }

    private final EventQueryRepository events;
    private final ObjectMapper mapper;
    private final SyncConfig config;

    public QueryService(EventQueryRepository events, ObjectMapper mapper, SyncConfig config) {
        this.events = events;
        this.mapper = mapper;
        this.config = config;
    }

    public Page query(Map<String, List<String>> parameters) {
        Map<String, List<String>> query = new LinkedHashMap<>(parameters);
        int offset = 0;
        List<String> token = query.get("nextPageToken");
        if (token != null && !token.isEmpty()) {
            Token t = decode(token.get(0));
            offset = t.offset();
            List<String> perPage = query.get("perPage");
            query = new LinkedHashMap<>(t.query());
            if (perPage != null) {
                query.put("perPage", perPage);
            }
        }
        int perPage = perPage(query.get("perPage"));
        SimpleQuery.Sql sql = SimpleQuery.parse(query);
        if (sql.maxEventCount() != null && offset == 0 && events.count(sql) > sql.maxEventCount()) {
            throw new ProblemException(Problem.of(413, "query-too-large-exception", "Query too large",
                    "more than maxEventCount=" + sql.maxEventCount() + " events match"));
        }
        int fetch = perPage + 1;
        boolean lastByLimit = false;
        if (sql.eventCountLimit() != null) {
            int remaining = Math.max(0, sql.eventCountLimit() - offset);
            if (remaining <= perPage) {
                fetch = remaining;
                lastByLimit = true;
            }
        }
        List<StoredEvent> found = fetch == 0 ? List.of() : events.find(sql, offset, fetch);
        boolean more = !lastByLimit && found.size() > perPage;
        List<StoredEvent> page = more ? found.subList(0, perPage) : found;
        String next = null;
        if (more) {
            Map<String, List<String>> carried = new LinkedHashMap<>(query);
            carried.remove("nextPageToken");
            carried.remove("perPage");
            next = encode(new Token(carried, offset + perPage));
        }
        return new Page(document(page), next);
    }

    /** One event by its eventID, with its context, or 404. */
    public ObjectNode event(String eventId) {
        List<StoredEvent> found = events.byId(eventId);
        if (found.isEmpty()) {
            throw ProblemException.notFound("no event " + eventId);
        }
        ObjectNode context = mapper.createObjectNode();
        ObjectNode event = event(found.get(0), context);
        ObjectNode out = mapper.createObjectNode();
        out.set("@context", contextArray(context));
        out.setAll(event);
        return out;
    }

    public List<String> distinct(String column) {
        return events.distinct(column);
    }

    ObjectNode document(List<StoredEvent> page) {
        ObjectNode context = mapper.createObjectNode();
        ArrayNode eventList = mapper.createArrayNode();
        page.forEach(e -> eventList.add(event(e, context)));
        ObjectNode doc = mapper.createObjectNode();
        doc.set("@context", contextArray(context));
        doc.put("type", "EPCISQueryDocument");
        doc.put("schemaVersion", "2.0");
        doc.put("creationDate", TIME.format(Instant.now()));
        ObjectNode results = doc.putObject("epcisBody").putObject("queryResults");
        results.put("queryName", "SimpleEventQuery");
        results.putObject("resultsBody").set("eventList", eventList);
        return doc;
    }

    /** The event with its recordTime; its namespaces go into the shared context, or its own when they clash. */
    private ObjectNode event(StoredEvent stored, ObjectNode sharedContext) {
        try {
            ObjectNode event = (ObjectNode) mapper.readTree(stored.json());
            JsonNode namespaces = mapper.readTree(stored.namespacesJson());
            ObjectNode own = mapper.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = namespaces.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> ns = it.next();
                JsonNode known = sharedContext.get(ns.getKey());
                if (known == null) {
                    sharedContext.set(ns.getKey(), ns.getValue());
                } else if (!known.equals(ns.getValue())) {
                    own.set(ns.getKey(), ns.getValue());
                }
            }
            ObjectNode out = mapper.createObjectNode();
            if (!own.isEmpty()) {
                out.set("@context", own);
            }
            out.setAll(event);
            out.put("recordTime", TIME.format(stored.recordTime()));
            return out;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored event " + stored.eventId() + " is not JSON", e);
        }
    }

    private ArrayNode contextArray(ObjectNode namespaces) {
        ArrayNode context = mapper.createArrayNode().add(EPCIS_CONTEXT);
        if (!namespaces.isEmpty()) {
            context.add(namespaces);
        }
        return context;
    }

    private int perPage(List<String> values) {
        if (values == null || values.isEmpty()) {
            return config.epcis().defaultPerPage();
        }
        try {
            int n = Integer.parseInt(values.get(0));
            if (n >= 1 && n <= config.epcis().maxPerPage()) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw SimpleQuery.invalid("perPage must be 1.." + config.epcis().maxPerPage());
    }

    record Token(Map<String, List<String>> query, int offset) {
    }

    private String encode(Token token) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mapper.writeValueAsBytes(token));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Token decode(String token) {
        try {
            byte[] json = Base64.getUrlDecoder().decode(token.getBytes(StandardCharsets.US_ASCII));
            JsonNode node = mapper.readTree(json);
            Map<String, List<String>> query = mapper.convertValue(node.get("query"), new TypeReference<>() {
            });
            return new Token(query == null ? Map.of() : query, node.path("offset").asInt());
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw SimpleQuery.invalid("nextPageToken is not valid");
        }
    }
}
