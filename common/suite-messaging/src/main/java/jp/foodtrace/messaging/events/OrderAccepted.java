package jp.foodtrace.messaging.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code orders.accepted.v1}, key store code: a validated order for HQ's feed. */
public record OrderAccepted(String orderId, String receiptId, String terminalId, String storeCode, long sequence,
        LocalDate deliveryDate, Instant acceptedAt, List<OrderLine> lines) {
}
