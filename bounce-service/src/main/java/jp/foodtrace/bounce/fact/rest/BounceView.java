package jp.foodtrace.bounce.fact.rest;

import java.time.Instant;

import jp.foodtrace.bounce.fact.Bounce;

/** A bounce fact as the query API shows it; {@code source} is the object key or the SNS MessageId it came from. */
public record BounceView(String id, String recipient, String reason, Boolean hardBounce, boolean complaint,
        String deliveryStatus, String action, String replyCode, String diagnosticType, String diagnosticCode,
        String reportingAgent, String feedbackType, String messageId, Instant occurredAt, Instant recordedAt,
        String sourceKind, String source) {

    public static BounceView of(Bounce b) {
        return new BounceView(b.id().toString(), b.recipient(), b.reason(), b.hardBounce(), b.complaint(),
                b.deliveryStatus(), b.action(), b.replyCode(), b.diagnosticType(), b.diagnosticCode(),
                b.reportingAgent(), b.feedbackType(), b.messageId(), b.occurredAt(), b.recordedAt(), b.source(),
                b.sourceRef());
    }
}
