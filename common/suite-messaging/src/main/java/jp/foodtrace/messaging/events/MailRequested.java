package jp.foodtrace.messaging.events;

import java.util.Map;

/**
 * {@code mail.requests.v1}, key recipient: a request for one mail. {@code requestId} is the
 * idempotency key; {@code category} is {@code transactional} or {@code notice}; {@code locale}
 * {@code ja} (default) or {@code en}.
 */
public record MailRequested(String requestId, String recipient, String templateId, String locale, String category,
        Map<String, Object> parameters) {
}
