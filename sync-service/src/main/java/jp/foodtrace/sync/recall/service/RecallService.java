package jp.foodtrace.sync.recall.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import jp.foodtrace.messaging.PermanentFailure;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.messaging.events.MailOutcome;
import jp.foodtrace.messaging.events.MailRequested;
import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.sync.config.SyncConfig;
import jp.foodtrace.sync.lot.repository.LotRepository;
import jp.foodtrace.sync.master.Store;
import jp.foodtrace.sync.master.repository.MasterRepository;
import jp.foodtrace.sync.messaging.Outbox;
import jp.foodtrace.sync.recall.Recall;
import jp.foodtrace.sync.recall.repository.RecallRepository;
import jp.foodtrace.sync.trace.Trace;
import jp.foodtrace.sync.trace.service.TraceService;

/**
 * Starts recalls: traces the lot forward to the stores it reached and asks mail-service, through
 * {@code mail.requests.v1}, to send each store's contact the {@code recall-notice} template. The
 * recall, its notices and the mail requests are written in one transaction (outbox); a recall
 * sent again with the same id changes nothing and mails no one twice.
 */
@ApplicationScoped
public class RecallService {

    public static final String TEMPLATE = "recall-notice";
    /**
     * mail-service's category for recalls: no unsubscribe link, not stopped by an unsubscribe or a
     * complaint, only by a hard bounce (which it reports as BOUNCED or SUPPRESSED).
     */
    public static final String CATEGORY = "recall";

    /** Outcomes of mail.events.v1 a notice shows; UNKNOWN also while none has arrived. */
    public static final java.util.Set<String> DELIVERIES = java.util.Set.of("SENT", "BOUNCED", "SUPPRESSED", "FAILED",
            "UNKNOWN");

    /** The recall, whether this call created it, and the outbox events to wait for. */
    public record Started(Recall recall, boolean created, List<UUID> eventIds) {
    }

    private final TraceService trace;
    private final MasterRepository master;
    private final RecallRepository recalls;
    private final Outbox outbox;
    private final MeterRegistry meters;
    private final LotRepository lots;
    private final ObjectMapper json;
    private final SyncConfig.Recall notice;

    public RecallService(TraceService trace, MasterRepository master, RecallRepository recalls, Outbox outbox,
            MeterRegistry meters, LotRepository lots, ObjectMapper json, SyncConfig config) {
        this.trace = trace;
        this.master = master;
        this.recalls = recalls;
        this.outbox = outbox;
        this.meters = meters;
        this.lots = lots;
        this.json = json;
        this.notice = config.recall();
    }

    /** Name of the recalled lot's item, from the lot and the product master; the lot number where unknown. */
    private String itemName(String lotNumber) {
        try {
            Optional<String> lot = lots.content(lotNumber);
            if (lot.isEmpty()) {
                return lotNumber;
            }
            String itemCode = json.readTree(lot.get()).path("itemCode").asText();
            return master.productContent(itemCode)
                    .map(p -> {
                        try {
                            return json.readTree(p).path("name").asText(itemCode);
                        } catch (java.io.IOException e) {
                            return itemCode;
                        }
                    })
                    .orElse(itemCode);
        } catch (java.io.IOException e) {
            return lotNumber;
        }
    }

    @Transactional
    public Started start(String recallId, String lotNumber, String reason, String requestedBy) {
        String id = recallId == null || recallId.isBlank() ? UUID.randomUUID().toString() : recallId.strip();
        Optional<Recall> existing = recalls.byId(id);
        if (existing.isPresent()) {
            if (!existing.get().lotNumber().equals(lotNumber)) {
                throw ProblemException.conflict("recall-conflict",
                        "recall " + id + " exists for lot " + existing.get().lotNumber());
            }
            return new Started(existing.get(), false, List.of());
        }
        Trace reached = trace.forwardForRecall(lotNumber);
        List<Recall.Notice> notices = new ArrayList<>();
        List<UUID> events = new ArrayList<>();
        String itemName = itemName(lotNumber);
        for (String storeCode : reached.stores()) {
            Optional<Store> store = master.store(storeCode);
            String recipient = store.map(Store::contactEmail).orElse(null);
            String requestId = requestId(id, storeCode);
            if (recipient == null) {
                notices.add(new Recall.Notice(storeCode, null, requestId, "NO_CONTACT"));
                continue;
            }
            Map<String, Object> parameters = new LinkedHashMap<>();
            // The recall-notice template of mail-service needs memberName, itemName, lotNumber,
            // reason, action and contact; the rest is there for the store's records.
            parameters.put("memberName", store.get().name() + " ご担当者様");
            parameters.put("itemName", itemName);
            parameters.put("action", notice.action());
            parameters.put("contact", notice.contact());
            parameters.put("recallId", id);
            parameters.put("lotNumber", lotNumber);
            parameters.put("reason", reason);
            parameters.put("storeCode", storeCode);
            parameters.put("storeName", store.get().name());
            parameters.put("shipments", reached.shipments().stream()
                    .filter(s -> s.destinationStore().equals(storeCode))
                    .map(s -> Map.of("shipmentId", s.shipmentId(), "shippedAt", s.shippedAt().toString(),
                            "lots", s.lots().stream().map(Trace.Quantity::lotNumber).distinct().toList()))
                    .toList());
            events.add(outbox.add(Topics.MAIL_REQUESTS, recipient,
                    new MailRequested(requestId, recipient, TEMPLATE, "ja", CATEGORY, parameters)));
            notices.add(new Recall.Notice(storeCode, recipient, requestId, "REQUESTED"));
        }
        Recall recall = new Recall(id, lotNumber, reason, requestedBy, reached.truncated(), Instant.now(), notices);
        if (!recalls.insert(recall)) {
            // A concurrent request with the same id won; its transaction holds the notices.
            throw ProblemException.conflict("recall-conflict", "recall " + id + " is being started");
        }
        meters.counter("suite.sync_service.recalls").increment();
        meters.counter("suite.sync_service.recall.notices", "status", "requested")
                .increment(notices.stream().filter(n -> n.status().equals("REQUESTED")).count());
        return new Started(recall, true, events);
    }

    /**
     * Takes one mail outcome from mail.events.v1: a recall notice's mail shows it; outcomes of other
     * mail (order results, notices of other services) change nothing. An outcome this service does
     * not know is a permanent failure (dead letter), so a new one is seen rather than dropped.
     */
    public void onMailOutcome(MailOutcome outcome) {
        if (outcome.requestId() == null || outcome.outcome() == null || !DELIVERIES.contains(outcome.outcome())) {
            throw new PermanentFailure("MailOutcome without a request id or with an unknown outcome: "
                    + outcome.outcome());
        }
        if (recalls.recordDelivery(outcome.requestId(), outcome.outcome(), outcome.reason(), outcome.at())) {
            meters.counter("suite.sync_service.recall.notices", "status", outcome.outcome().toLowerCase(java.util.Locale.ROOT))
                    .increment();
        }
    }

    public Optional<Recall> get(String recallId) {
        return recalls.byId(recallId);
    }

    public List<Recall> latest(int limit) {
        return recalls.latest(limit);
    }

    /** Same recall and store, same request id: mail-service drops the repeat. */
    public static String requestId(String recallId, String storeCode) {
        return UUID.nameUUIDFromBytes(("recall-notice\n" + recallId + "\n" + storeCode).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
