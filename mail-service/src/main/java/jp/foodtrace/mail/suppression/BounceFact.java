package jp.foodtrace.mail.suppression;

import java.time.Instant;

/**
 * One fact from {@code mail.bounces.v1} as this service recorded it: what it is ({@code kind}), how
 * it was tied to a mail of ours ({@code match}: {@code message-id}, {@code recipient-window} or
 * {@code unmatched}) and whether it suppressed its recipient.
 */
public record BounceFact(String bounceId, String recipient, String kind, String reason, String feedbackType,
        String originalMessageId, String match, String matchedRequestId, boolean suppressed, Instant occurredAt,
        Instant recordedAt) {

    public static final String MATCH_MESSAGE_ID = "message-id";
    public static final String MATCH_RECIPIENT_WINDOW = "recipient-window";
    public static final String UNMATCHED = "unmatched";

    public static final String SOFT_BOUNCE = "soft-bounce";

    public boolean matched() {
        return !UNMATCHED.equals(match);
    }
}
