package jp.foodtrace.order.order;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import jp.foodtrace.messaging.PermanentFailure;
import jp.foodtrace.messaging.events.OrderLine;
import jp.foodtrace.messaging.events.OrderStatusChanged.LineRejection;
import jp.foodtrace.messaging.events.ShipmentRecorded;
import jp.foodtrace.messaging.events.TerminalOrderSubmitted;
import jp.foodtrace.order.config.OrderConfig;
import jp.foodtrace.order.master.Product;
import jp.foodtrace.order.master.Store;

/**
 * Decides terminal orders and follows them to SHIPPED. An order is stored once per (terminal,
 * sequence): its id is derived from that pair, so a second submission of the pair (a gateway that
 * crashed between Kafka's confirmation and its own commit) finds the first and changes nothing.
 */
@ApplicationScoped
public class OrderIntake {

    private static final Logger LOG = Logger.getLogger(OrderIntake.class);

    private final OrderRules rules;
    private final OrderEvents events;
    private final MeterRegistry meters;

    public OrderIntake(OrderConfig config, OrderEvents events, MeterRegistry meters) {
        this.rules = new OrderRules(config.zone(), config.defaultCutOff(), config.leadDays(), config.maxDaysAhead());
        this.events = events;
        this.meters = meters;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void submitted(String key, TerminalOrderSubmitted submitted) {
        if (submitted.terminalId() == null || submitted.receiptId() == null || submitted.lines() == null
                || submitted.storeCode() == null || submitted.receivedAt() == null) {
            throw new PermanentFailure("incomplete TerminalOrderSubmitted");
        }
        if (!submitted.storeCode().equals(key)) {
            throw new PermanentFailure("record key " + key + " is not the order's store " + submitted.storeCode());
        }
        if (StoreOrder.findByTerminalSequence(submitted.terminalId(), submitted.sequence()).isPresent()) {
            LOG.infof("order %s/%d already taken; submission %s ignored", submitted.terminalId(), submitted.sequence(),
                    submitted.receiptId());
            meters.counter("suite.order_service.orders", "outcome", "duplicate-submission").increment();
            return;
        }
        Store store = Store.findById(submitted.storeCode());
        Set<String> items = submitted.lines().stream().map(OrderLine::itemCode).collect(Collectors.toSet());
        Map<String, OrderRules.ProductRule> products = new HashMap<>();
        Product.<Product>list("itemCode in ?1", items).forEach(p ->
                products.put(p.itemCode, new OrderRules.ProductRule(p.orderable, p.minQuantity, p.maxQuantity)));
        List<LineRejection> rejections = rules.check(submitted,
                store == null ? null : new OrderRules.StoreRule(store.cutOffTime), products);

        Instant now = Instant.now();
        StoreOrder order = new StoreOrder();
        order.orderId = StoreOrder.idFor(submitted.terminalId(), submitted.sequence());
        order.receiptId = UUID.fromString(submitted.receiptId());
        order.terminalId = submitted.terminalId();
        order.sequence = submitted.sequence();
        order.storeCode = submitted.storeCode();
        order.deliveryDate = submitted.deliveryDate();
        order.receivedAt = submitted.receivedAt();
        order.decidedAt = now;
        for (OrderLine line : submitted.lines()) {
            StoreOrderLine entity = new StoreOrderLine();
            entity.order = order;
            entity.lineNo = line.lineNo();
            entity.itemCode = line.itemCode();
            entity.quantity = line.quantity();
            entity.unit = line.unit();
            rejections.stream().filter(r -> r.lineNo() == line.lineNo()).findFirst().ifPresent(r -> {
                entity.rejectionCode = r.code();
                entity.rejectionReason = r.reason();
            });
            order.lines.add(entity);
        }
        String status = rejections.isEmpty() ? "ACCEPTED" : "REJECTED";
        order.moveTo(status, now, rejections.isEmpty() ? null
                : rejections.stream().map(LineRejection::code).distinct().collect(Collectors.joining(",")));
        order.persist();

        events.statusChanged(order, rejections, now);
        if (rejections.isEmpty()) {
            events.accepted(order);
        }
        meters.counter("suite.order_service.orders", "outcome", status.toLowerCase()).increment();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void shipped(ShipmentRecorded shipment) {
        if (shipment.orderIds() == null) {
            return;
        }
        Instant now = Instant.now();
        for (String id : shipment.orderIds()) {
            UUID orderId;
            try {
                orderId = UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                LOG.debugf("shipment %s names %s, which is not an order id of ours", shipment.shipmentId(), id);
                continue;
            }
            StoreOrder order = StoreOrder.findById(orderId);
            if (order == null || !"ACCEPTED".equals(order.status)) {
                continue;
            }
            order.shipmentId = shipment.shipmentId();
            order.moveTo("SHIPPED", now, shipment.shipmentId());
            events.statusChanged(order, List.of(), now);
            meters.counter("suite.order_service.orders", "outcome", "shipped").increment();
        }
    }
}
