package jp.foodtrace.order.storeorder.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.foodtrace.messaging.events.OrderLine;
import jp.foodtrace.messaging.events.OrderStatusChanged.LineRejection;
import jp.foodtrace.messaging.events.TerminalOrderSubmitted;

/**
 * The ordering rules, as pure logic: the store must be known; the order must arrive before the
 * store's cut-off for its delivery date (cut-off time on the delivery day minus the lead days, in
 * the stores' time zone) and not too far ahead; every item must be known and orderable, and
 * every quantity within the product's bounds. Rejections of the whole order have line 0.
 */
public final class OrderRules {

    /** What the rules need of a product. */
    public record ProductRule(boolean orderable, int minQuantity, int maxQuantity) {
    }

    /** What the rules need of a store (null cut-off: the default applies). */
    public record StoreRule(LocalTime cutOffTime) {
    }

    private final ZoneId zone;
    private final LocalTime defaultCutOff;
    private final int leadDays;
    private final int maxDaysAhead;

    public OrderRules(ZoneId zone, LocalTime defaultCutOff, int leadDays, int maxDaysAhead) {
        this.zone = zone;
        this.defaultCutOff = defaultCutOff;
        this.leadDays = leadDays;
        this.maxDaysAhead = maxDaysAhead;
    }

    /** Empty when the order is accepted; otherwise every reason found. */
    public List<LineRejection> check(TerminalOrderSubmitted order, StoreRule store, Map<String, ProductRule> products) {
        List<LineRejection> rejections = new ArrayList<>();
        if (store == null) {
            rejections.add(new LineRejection(0, "unknown-store", "store " + order.storeCode() + " is not in the store master"));
            return rejections;
        }
        if (order.deliveryDate() == null) {
            rejections.add(new LineRejection(0, "missing-delivery-date", "the order has no delivery date"));
        } else {
            Instant cutOff = cutOff(order.deliveryDate(), store);
            if (!order.receivedAt().isBefore(cutOff)) {
                rejections.add(new LineRejection(0, "after-cut-off", "orders for " + order.deliveryDate()
                        + " closed at " + ZonedDateTime.ofInstant(cutOff, zone).toLocalDateTime()));
            }
            LocalDate latest = order.receivedAt().atZone(zone).toLocalDate().plusDays(maxDaysAhead);
            if (order.deliveryDate().isAfter(latest)) {
                rejections.add(new LineRejection(0, "delivery-date-too-far",
                        "delivery dates may be at most " + maxDaysAhead + " days ahead"));
            }
        }
        for (OrderLine line : order.lines()) {
            ProductRule product = products.get(line.itemCode());
            if (product == null) {
                rejections.add(new LineRejection(line.lineNo(), "unknown-item",
                        "item " + line.itemCode() + " is not in the product master"));
            } else if (!product.orderable()) {
                rejections.add(new LineRejection(line.lineNo(), "not-orderable", "item " + line.itemCode()
                        + " cannot be ordered at present"));
            } else if (line.quantity() < product.minQuantity() || line.quantity() > product.maxQuantity()) {
                rejections.add(new LineRejection(line.lineNo(), "quantity-out-of-range", "quantity " + line.quantity()
                        + " is outside " + product.minQuantity() + "-" + product.maxQuantity()));
            }
        }
        return rejections;
    }

    Instant cutOff(LocalDate deliveryDate, StoreRule store) {
        LocalTime time = store.cutOffTime() == null ? defaultCutOff : store.cutOffTime();
        return deliveryDate.minusDays(leadDays).atTime(time).atZone(zone).toInstant();
    }
}
