package jp.foodtrace.sync.recall;

import java.time.Instant;
import java.util.List;

/** A recall of a lot: the stores it reached and the notice each store's contact was sent. */
public record Recall(String recallId, String lotNumber, String reason, String requestedBy, boolean truncated,
        Instant createdAt, List<Notice> notices) {

    /** REQUESTED: a mail request went to mail.requests.v1; NO_CONTACT: the store has no contact address. */
    public record Notice(String storeCode, String recipient, String requestId, String status) {
    }
}
