package jp.foodtrace.messaging.events;

import java.time.Instant;
import java.util.List;

/**
 * {@code orders.status.v1}, key store code: a new status of an order, for the terminal that sent
 * it. {@code status} is ACCEPTED, REJECTED (with per-line reasons) or SHIPPED (with the shipment).
 */
public record OrderStatusChanged(String receiptId, String orderId, String terminalId, String storeCode,
        String status, Instant at, List<LineRejection> rejections, String shipmentId) {

    /** Why one line (or, with lineNo 0, the whole order) was rejected: a stable code and a text. */
    public record LineRejection(int lineNo, String code, String reason) {
    }
}
