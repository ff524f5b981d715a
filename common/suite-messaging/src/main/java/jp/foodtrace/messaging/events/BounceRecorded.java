package jp.foodtrace.messaging.events;

import java.time.Instant;

/**
 * {@code mail.bounces.v1}, key recipient: one analysed bounce or complaint for one recipient.
 * {@code reason} uses Sisimai's vocabulary; {@code feedbackType} is set for complaints.
 */
public record BounceRecorded(String bounceId, String recipient, String reason, boolean hardBounce,
        String deliveryStatus, String feedbackType, String diagnosticCode, String originalMessageId, Instant at) {
}
