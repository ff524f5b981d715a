package jp.foodtrace.mail.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A validated mail request: the template exists, every parameter it needs is there, the recipient
 * is an address. Built only by {@link jp.foodtrace.mail.request.service.MailRequestValidator}.
 */
public record MailRequest(String requestId, String recipient, String templateId, MailLocale locale,
        MailCategory category, Map<String, Object> parameters) {

    public MailRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(category, "category");
        // Not Map.copyOf: JSON parameters may hold nulls.
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
