package jp.foodtrace.gateway.order;

import java.time.Instant;
import java.util.UUID;

/** The gateway's record of one submitted order: the receipt it gave and the latest status. */
public record Submission(UUID receiptId, String terminalId, long sequence, String fingerprint, String storeCode,
        Instant receivedAt, String status, String statusDetail, Instant updatedAt) {
}
