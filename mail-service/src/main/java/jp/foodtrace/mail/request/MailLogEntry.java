package jp.foodtrace.mail.request;

import java.time.Instant;
import java.util.Map;

/**
 * One row of the mail log: a request, where it stands and what became of it. The raw message is
 * kept once composed, so that a retry sends the very same bytes (same Message-ID).
 */
public record MailLogEntry(String requestId, String recipient, String templateId, MailLocale locale,
        MailCategory category, Map<String, Object> parameters, String origin, MailStatus status, int attempts,
        String messageId, byte[] rawMessage, String transport, String transportMessageId, String reason,
        Instant createdAt, Instant finishedAt) {

    public MailRequest request() {
        return new MailRequest(requestId, recipient, templateId, locale, category, parameters);
    }
}
