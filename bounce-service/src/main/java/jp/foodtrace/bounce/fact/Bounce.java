package jp.foodtrace.bounce.fact;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jp.foodtrace.bounce.analysis.BounceFact;

/**
 * One stored bounce fact: what happened to one recipient according to one source (an S3 object
 * version or an SNS notification). The id is derived from source, reference, version and
 * recipient, so the same fact found again has the same id (and the same event id on
 * {@code mail.bounces.v1}).
 *
 * @param source        {@link #S3} or {@link #SES}
 * @param sourceRef     the object key, or the SNS MessageId
 * @param sourceVersion the object's ETag, or "" for SNS
 * @param hardBounce    true: the address will not work again; null: not a bounce (complaint,
 *                      auto-reply)
 * @param occurredAt    when the failure was reported, null when the report gave no time
 * @param recordedAt    when this service recorded it (set by the database; null before)
 */
public record Bounce(UUID id, String source, String sourceRef, String sourceVersion, String recipient, String reason,
        Boolean hardBounce, String deliveryStatus, String action, String replyCode, String diagnosticType,
        String diagnosticCode, String reportingAgent, String feedbackType, String messageId, Instant occurredAt,
        Instant recordedAt) {

    public static final String S3 = "s3";
    public static final String SES = "ses";
    /** The reason of a complaint (an RFC 5965 feedback report or an SES complaint). */
    public static final String FEEDBACK = "feedback";

    public Bounce {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceRef, "sourceRef");
        Objects.requireNonNull(recipient, "recipient");
        reason = orEmpty(reason).isEmpty() ? "undefined" : reason;
        sourceVersion = orEmpty(sourceVersion);
        deliveryStatus = orEmpty(deliveryStatus);
        action = orEmpty(action);
        replyCode = orEmpty(replyCode);
        diagnosticType = orEmpty(diagnosticType);
        diagnosticCode = orEmpty(diagnosticCode);
        reportingAgent = orEmpty(reportingAgent);
        feedbackType = orEmpty(feedbackType);
        messageId = orEmpty(messageId);
    }

    /** The fact for one recipient of an analysed S3 object. */
    public static Bounce fromObject(String key, String etag, BounceFact fact) {
        return new Bounce(idOf(S3, key, etag, fact.recipient()), S3, key, etag, fact.recipient(), fact.reason(),
                fact.hardBounce(), fact.deliveryStatus(), fact.action(), fact.replyCode(), fact.diagnosticType(),
                fact.diagnosticCode(), fact.reportingAgent(), fact.feedbackType(), fact.messageId(), fact.timestamp(),
                null);
    }

    /** The deterministic id of the fact for {@code recipient} from one source. */
    public static UUID idOf(String source, String ref, String version, String recipient) {
        String identity = "bounce:" + source + ":" + ref + ":" + orEmpty(version) + ":" + recipient;
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
    }

    public boolean complaint() {
        return FEEDBACK.equals(reason);
    }

    /** Kind for the {@code type} tag of the bounces counter: hard, soft or complaint (auto-replies count as soft). */
    public String kind() {
        if (complaint()) {
            return "complaint";
        }
        return Boolean.TRUE.equals(hardBounce) ? "hard" : "soft";
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
