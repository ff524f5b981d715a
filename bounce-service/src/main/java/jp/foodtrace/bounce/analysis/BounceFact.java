package jp.foodtrace.bounce.analysis;

import java.time.Instant;

/**
 * The verdict on one recipient of one returned message.
 *
 * @param recipient      the address the original message could not reach (or complained)
 * @param reason         bounce reason in Sisimai's vocabulary, e.g. {@code userunknown}
 * @param deliveryStatus RFC 3463 status code, real or derived from the reason ({@code 5.0.9xx})
 * @param hardBounce     true: retrying is pointless; false: may succeed later; null: not a
 *                       bounce at all (feedback, vacation, delivered)
 * @param action         DSN action: failed, delayed, delivered, expanded, relayed or empty
 * @param replyCode      SMTP reply code such as 550, or empty
 * @param diagnosticType SMTP, X-UNIX, X-POSTFIX ... or empty
 * @param diagnosticCode the remote server's error text
 * @param reportingAgent the format that produced the report, e.g. {@code Postfix}
 * @param timestamp      when the failure was reported, null if no date could be read
 * @param messageId      Message-ID of the original message, without angle brackets
 * @param feedbackType   for complaints: abuse, fraud, virus, other ...; otherwise empty
 */
public record BounceFact(
        String recipient,
        String reason,
        String deliveryStatus,
        Boolean hardBounce,
        String action,
        String replyCode,
        String diagnosticType,
        String diagnosticCode,
        String reportingAgent,
        Instant timestamp,
        String messageId,
        String feedbackType) {
}
