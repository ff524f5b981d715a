package jp.foodtrace.messaging.events;

import java.time.Instant;

/**
 * {@code mail.events.v1}, key recipient: what became of a mail request: {@code SENT} (with the SES
 * message id), {@code SUPPRESSED} or {@code FAILED} (with the reason).
 */
public record MailOutcome(String requestId, String recipient, String outcome, String category, String sesMessageId,
        String reason, Instant at) {
}
