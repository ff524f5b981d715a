package jp.foodtrace.order.storeorder.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.context.Scope;
import jp.foodtrace.messaging.AfterCommit;
import jp.foodtrace.messaging.PermanentFailure;
import jp.foodtrace.messaging.Tracing;
import jp.foodtrace.messaging.events.OrderLine;
import jp.foodtrace.messaging.events.OrderStatusChanged.LineRejection;
import jp.foodtrace.messaging.events.ShipmentRecorded;
import jp.foodtrace.messaging.events.TerminalOrderSubmitted;
import jp.foodtrace.order.config.OrderConfig;
import jp.foodtrace.order.master.Product;
import jp.foodtrace.order.master.Store;
import jp.foodtrace.order.storeorder.StoreOrder;
import jp.foodtrace.order.storeorder.StoreOrderLine;
import jp.foodtrace.order.storeorder.messaging.OrderEventPublisher;

/**
 * Decides terminal orders and follows them to SHIPPED. An order is stored once per (terminal,
 * sequence): its id is derived from that pair, so a second submission of the pair (a gateway that
 * crashed between Kafka's confirmation and its own commit) finds the first and changes nothing,
 * whether the first was stored earlier or comes earlier in the same batch.
 *
 * <p>Works on all the records of one transaction at once: master data and existing orders are
 * read in one query each, the orders are inserted by {@link OrderWriter} in three statements before
 * any event is sent (an order the database refuses has no event), then the events are sent together and
 * awaited together before the commit.
 */
@ApplicationScoped
public class OrderIntake {

    /**
     * A terminal order as read from its record, checked against the record's key, with the trace it
     * is handled in (the consumer span of its record; the events about it carry that trace on).
     */
    public record Submission(String key, TerminalOrderSubmitted order, Optional<String> traceparent) {

        /** A submission that can never be processed is a {@link PermanentFailure}. */
        public Submission {
            if (order.terminalId() == null || order.receiptId() == null || order.lines() == null
                    || order.storeCode() == null || order.receivedAt() == null) {
                throw new PermanentFailure("incomplete TerminalOrderSubmitted");
            }
            if (!order.storeCode().equals(key)) {
                throw new PermanentFailure("record key " + key + " is not the order's store " + order.storeCode());
            }
            try {
                UUID.fromString(order.receiptId());
            } catch (IllegalArgumentException e) {
                throw new PermanentFailure("receiptId is not a UUID: " + order.receiptId(), e);
            }
        }

        UUID orderId() {
            return StoreOrder.idFor(order.terminalId(), order.sequence());
        }
    }

    /** A shipment as read from its record, with the trace it is handled in (see {@link Submission}). */
    public record Shipment(ShipmentRecorded recorded, Optional<String> traceparent) {
    }

    private static final Logger LOG = Logger.getLogger(OrderIntake.class);

    /** Values per IN list, well below PostgreSQL's limit of bind parameters per statement. */
    private static final int IN_LIST = 1000;

    private final OrderRules rules;
    private final OrderEventPublisher events;
    private final MeterRegistry meters;
    /** From the gateway's receipt to the decision here: the order path as a terminal sees it (histogram). */
    private final Timer latency;
    private final AfterCommit afterCommit;
    private final OrderWriter writer;

    public OrderIntake(OrderConfig config, OrderEventPublisher events, MeterRegistry meters, AfterCommit afterCommit,
            OrderWriter writer) {
        this.writer = writer;
        this.rules = new OrderRules(config.zone(), config.defaultCutOff(), config.leadDays(), config.maxDaysAhead());
        this.events = events;
        this.meters = meters;
        this.latency = Timer.builder("suite.order.latency")
                .description("From the gateway's receipt of an order to its decision in order-service")
                .register(meters);
        this.afterCommit = afterCommit;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void submitted(List<Submission> submissions) {
        Set<UUID> taken = new HashSet<>(inChunks(submissions.stream().map(Submission::orderId).distinct().toList(),
                ids -> StoreOrder.getEntityManager()
                        .createQuery("select o.orderId from StoreOrder o where o.orderId in :ids", UUID.class)
                        .setParameter("ids", ids).getResultList()));
        Map<String, OrderRules.StoreRule> stores = new HashMap<>();
        inChunks(submissions.stream().map(s -> s.order().storeCode()).distinct().toList(),
                codes -> Store.<Store>list("storeCode in ?1", codes))
                .forEach(s -> stores.put(s.storeCode, new OrderRules.StoreRule(s.cutOffTime)));
        Map<String, OrderRules.ProductRule> products = new HashMap<>();
        inChunks(submissions.stream().flatMap(s -> s.order().lines().stream()).map(OrderLine::itemCode).distinct().toList(),
                items -> Product.<Product>list("itemCode in ?1", items))
                .forEach(p -> products.put(p.itemCode, new OrderRules.ProductRule(p.orderable, p.minQuantity, p.maxQuantity)));

        Instant now = Instant.now();
        Map<StoreOrder, List<LineRejection>> decided = new LinkedHashMap<>();
        Map<StoreOrder, Optional<String>> traces = new HashMap<>();
        Map<String, Integer> outcomes = new HashMap<>();
        List<Duration> latencies = new ArrayList<>(submissions.size());
        for (Submission submission : submissions) {
            TerminalOrderSubmitted submitted = submission.order();
            if (!taken.add(submission.orderId())) {
                LOG.infof("order %s/%d already taken; submission %s ignored", submitted.terminalId(), submitted.sequence(),
                        submitted.receiptId());
                outcomes.merge("duplicate-submission", 1, Integer::sum);
                continue;
            }
            List<LineRejection> rejections = rules.check(submitted, stores.get(submitted.storeCode()), products);
            StoreOrder order = decide(submitted, rejections, now);
            decided.put(order, rejections);
            traces.put(order, submission.traceparent());
            outcomes.merge(order.status.toLowerCase(), 1, Integer::sum);
            if (submitted.receivedAt() != null) {
                latencies.add(Duration.between(submitted.receivedAt(), now));
            }
        }
        // An order the database refuses fails here, before any event about it is sent.
        writer.insert(decided.keySet());
        OrderEventPublisher.Publication publication = events.publication();
        decided.forEach((order, rejections) -> {
            Optional<String> trace = traces.get(order);
            events.statusChanged(publication, order, rejections, now, trace);
            if (rejections.isEmpty()) {
                events.accepted(publication, order, trace);
            }
        });
        publication.awaitConfirmed();
        countAfterCommit(outcomes);
        afterCommit.run(() -> decided.forEach((order, rejections) -> {
            try (Scope trace = Tracing.resume(traces.get(order))) {
                LOG.infof("order %s/%d of store %s %s%s", order.terminalId, order.sequence, order.storeCode,
                        order.status.toLowerCase(), rejections.isEmpty() ? "" : " (" + rejections.stream()
                                .map(r -> "line " + r.lineNo() + " " + r.code()).collect(Collectors.joining(", ")) + ")");
            }
        }));
        if (!latencies.isEmpty()) {
            afterCommit.run(() -> latencies.forEach(latency::record));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void shipped(List<Shipment> traced) {
        List<ShipmentRecorded> shipments = traced.stream().map(Shipment::recorded).toList();
        Set<UUID> named = new LinkedHashSet<>();
        for (ShipmentRecorded shipment : shipments) {
            for (String id : shipment.orderIds() == null ? List.<String>of() : shipment.orderIds()) {
                try {
                    named.add(UUID.fromString(id));
                } catch (IllegalArgumentException e) {
                    LOG.debugf("shipment %s names %s, which is not an order id of ours", shipment.shipmentId(), id);
                }
            }
        }
        Map<UUID, StoreOrder> orders = new HashMap<>();
        inChunks(List.copyOf(named), ids -> StoreOrder.<StoreOrder>list("orderId in ?1", ids))
                .forEach(o -> orders.put(o.orderId, o));

        Instant now = Instant.now();
        Map<StoreOrder, Optional<String>> shipped = new LinkedHashMap<>();
        for (Shipment tracedShipment : traced) {
            ShipmentRecorded shipment = tracedShipment.recorded();
            for (String id : shipment.orderIds() == null ? List.<String>of() : shipment.orderIds()) {
                StoreOrder order = orders.get(uuidOrNull(id));
                if (order == null || !"ACCEPTED".equals(order.status)) {
                    continue;
                }
                order.shipmentId = shipment.shipmentId();
                order.moveTo("SHIPPED", now, shipment.shipmentId());
                shipped.put(order, tracedShipment.traceparent());
            }
        }
        StoreOrder.flush();
        OrderEventPublisher.Publication publication = events.publication();
        // Each status change in the trace of the shipment that made it.
        shipped.forEach((order, trace) -> events.statusChanged(publication, order, List.of(), now, trace));
        publication.awaitConfirmed();
        countAfterCommit(shipped.isEmpty() ? Map.of() : Map.of("shipped", shipped.size()));
    }

    private static StoreOrder decide(TerminalOrderSubmitted submitted, List<LineRejection> rejections, Instant now) {
        StoreOrder order = new StoreOrder();
        order.orderId = StoreOrder.idFor(submitted.terminalId(), submitted.sequence());
        order.receiptId = UUID.fromString(submitted.receiptId());
        order.terminalId = submitted.terminalId();
        order.sequence = submitted.sequence();
        order.storeCode = submitted.storeCode();
        order.deliveryDate = submitted.deliveryDate();
        order.receivedAt = submitted.receivedAt();
        order.decidedAt = now;
        Map<Integer, LineRejection> byLine = new HashMap<>();
        rejections.forEach(r -> byLine.putIfAbsent(r.lineNo(), r));
        for (OrderLine line : submitted.lines()) {
            StoreOrderLine entity = new StoreOrderLine();
            entity.order = order;
            entity.lineNo = line.lineNo();
            entity.itemCode = line.itemCode();
            entity.quantity = line.quantity();
            entity.unit = line.unit();
            LineRejection rejection = byLine.get(line.lineNo());
            if (rejection != null) {
                entity.rejectionCode = rejection.code();
                entity.rejectionReason = rejection.reason();
            }
            order.lines.add(entity);
        }
        order.moveTo(rejections.isEmpty() ? "ACCEPTED" : "REJECTED", now, rejections.isEmpty() ? null
                : rejections.stream().map(LineRejection::code).distinct().collect(Collectors.joining(",")));
        return order;
    }

    private void countAfterCommit(Map<String, Integer> outcomes) {
        if (!outcomes.isEmpty()) {
            afterCommit.run(() -> outcomes.forEach((outcome, n) ->
                    meters.counter("suite.order_service.orders", "outcome", outcome).increment(n)));
        }
    }

    private static UUID uuidOrNull(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <K, R> List<R> inChunks(List<K> keys, Function<List<K>, List<R>> query) {
        List<R> rows = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += IN_LIST) {
            rows.addAll(query.apply(keys.subList(from, Math.min(keys.size(), from + IN_LIST))));
        }
        return rows;
    }
}
