package jp.foodtrace.gateway.order;

import java.time.Instant;
import java.util.UUID;

/**
 * The gateway's record of one submitted order: the receipt it gave, the latest status, and whether
 * Kafka's confirmation of the order's event has been noted ({@code published}: its outbox row is
 * gone, and not because the relay parked it).
 */
public record Submission(UUID receiptId, String terminalId, long sequence, String fingerprint, String storeCode,
        Instant receivedAt, String status, String statusDetail, Instant updatedAt, boolean published) {
}
