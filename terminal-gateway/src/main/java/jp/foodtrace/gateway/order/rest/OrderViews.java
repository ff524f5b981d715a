package jp.foodtrace.gateway.order.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import jp.foodtrace.gateway.order.Submission;
import jp.foodtrace.gateway.order.repository.SubmissionRepository;
import jp.foodtrace.messaging.events.OrderStatusChanged;
import jp.foodtrace.rest.Problem;

/** API models returned to terminals about their orders. */
public final class OrderViews {

    private OrderViews() {
    }

    /** The answer to a submission: the receipt to keep, and its status. */
    public record Receipt(UUID receiptId, long sequence, String status, Instant receivedAt) {

        static Receipt of(Submission s) {
            return new Receipt(s.receiptId(), s.sequence(), s.status(), s.receivedAt());
        }
    }

    /** Status of an order as a terminal reads it. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record OrderStatus(UUID receiptId, long sequence, String status, String orderId,
            List<OrderStatusChanged.LineRejection> rejections, String shipmentId, Instant receivedAt,
            Instant updatedAt) {
    }

    /** An order event the relay parked, as ops see it (the payload stays in the database). */
    public record ParkedOrder(UUID receiptId, String terminalId, long sequence, String storeCode, String topic,
            String key, Instant receivedAt, int payloadBytes, String reason, String detail, Instant parkedAt) {

        static ParkedOrder of(SubmissionRepository.Parked p) {
            return new ParkedOrder(p.receiptId(), p.terminalId(), p.sequence(), p.storeCode(), p.topic(), p.key(),
                    p.receivedAt(), p.payloadBytes(), p.reason(), p.detail(), p.parkedAt());
        }
    }

    /** One order of a CSV batch. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record CsvOrderResult(long sequence, int firstLine, String outcome, UUID receiptId,
            List<Problem.Detail> errors) {
    }

    /** The answer to a CSV batch: one result per order, and lines that belong to no order. */
    public record CsvBatchResult(int accepted, int resent, int rejected, List<CsvOrderResult> orders,
            List<Problem.Detail> errors) {
    }
}
