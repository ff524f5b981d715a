package jp.foodtrace.sync.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An accepted order at its position in the customer feed, with its lines in line order. */
public record FeedOrder(long position, String orderId, String receiptId, String terminalId, String storeCode,
        long sequence, LocalDate deliveryDate, Instant acceptedAt, String traceparent, List<Line> lines) {

    public record Line(int lineNo, String itemCode, int quantity, String unit) {
    }
}
