package jp.foodtrace.messaging.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code terminal.orders.v1}, key store code: an order a terminal submitted and the gateway
 * acknowledged with {@code receiptId}. (terminalId, sequence) identifies it at the terminal.
 */
public record TerminalOrderSubmitted(String receiptId, String terminalId, String storeCode, long sequence,
        LocalDate deliveryDate, Instant receivedAt, List<OrderLine> lines) {
}
