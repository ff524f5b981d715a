package jp.foodtrace.order.storeorder.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import jp.foodtrace.order.storeorder.StoreOrder;

/** An order as the ops API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(UUID orderId, UUID receiptId, String terminalId, long sequence, String storeCode,
        LocalDate deliveryDate, String status, String shipmentId, Instant receivedAt, Instant decidedAt,
        List<Line> lines, List<Step> history) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(int lineNo, String itemCode, int quantity, String unit, String rejectionCode,
            String rejectionReason) {
    }

    public record Step(String status, Instant at, String detail) {
    }

    static OrderView of(StoreOrder o) {
        return new OrderView(o.orderId, o.receiptId, o.terminalId, o.sequence, o.storeCode, o.deliveryDate, o.status,
                o.shipmentId, o.receivedAt, o.decidedAt,
                o.lines.stream().map(l -> new Line(l.lineNo, l.itemCode, l.quantity, l.unit, l.rejectionCode,
                        l.rejectionReason)).toList(),
                o.history.stream().map(h -> new Step(h.status, h.at, h.detail)).toList());
    }
}
