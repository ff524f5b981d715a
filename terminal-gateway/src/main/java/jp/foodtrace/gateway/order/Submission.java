package jp.foodtrace.gateway.order;

import java.time.Instant;
import java.util.UUID;

/**
 * The gateway's record of one submitted order: the receipt it gave, the latest status, and when
 * Kafka confirmed the order's event ({@code publishedAt}; null until then).
 */
public record Submission(UUID receiptId, String terminalId, long sequence, String fingerprint, String storeCode,
        Instant receivedAt, String status, String statusDetail, Instant updatedAt, Instant publishedAt) {

    public boolean published() {
        return publishedAt != null;
    }
}
