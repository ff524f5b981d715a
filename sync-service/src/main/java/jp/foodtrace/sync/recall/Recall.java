package jp.foodtrace.sync.recall;

import java.time.Instant;
import java.util.List;

/** A recall of a lot: the stores it reached and the notice each store's contact was sent. */
public record Recall(String recallId, String lotNumber, String reason, String requestedBy, boolean truncated,
        Instant createdAt, List<Notice> notices) {

    /**
     * REQUESTED: a mail request went to mail.requests.v1; NO_CONTACT: the store has no contact address.
     * {@code delivery}: what mail-service reported for the mail (SENT, BOUNCED, SUPPRESSED, FAILED,
     * UNKNOWN), null while it reported nothing; {@code deliveryReason} its reason, if any.
     */
    public record Notice(String storeCode, String recipient, String requestId, String status, String delivery,
            String deliveryReason) {

        public Notice(String storeCode, String recipient, String requestId, String status) {
            this(storeCode, recipient, requestId, status, null, null);
        }
    }
}
