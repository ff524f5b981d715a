package jp.foodtrace.sync.feed.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jp.foodtrace.sync.feed.FeedOrder;

/** An order as the feed API shows it; {@code cursor} is the order's position, usable as {@code after}. */
public record FeedOrderView(String cursor, String orderId, String receiptId, String terminalId, String storeCode,
        long sequence, LocalDate deliveryDate, Instant acceptedAt, String traceparent, List<LineView> lines) {

    public record LineView(int lineNo, String itemCode, int quantity, String unit) {
    }

    public static FeedOrderView of(FeedOrder order) {
        return new FeedOrderView(Long.toString(order.position()), order.orderId(), order.receiptId(), order.terminalId(),
                order.storeCode(), order.sequence(), order.deliveryDate(), order.acceptedAt(), order.traceparent(),
                order.lines().stream().map(l -> new LineView(l.lineNo(), l.itemCode(), l.quantity(), l.unit())).toList());
    }
}
