package jp.foodtrace.mail.request.service;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import jp.foodtrace.mail.request.MailCategory;
import jp.foodtrace.mail.request.MailLocale;
import jp.foodtrace.mail.request.MailRequest;
import jp.foodtrace.mail.template.MailTemplateSpec;
import jp.foodtrace.mail.template.service.TemplateCatalog;

/**
 * Turns the fields of a request, however it arrived, into a {@link MailRequest} or an
 * {@link InvalidMailRequest} naming the first thing wrong with it.
 */
public final class MailRequestValidator {

    public static final String UNKNOWN_TEMPLATE = "unknown-template";
    public static final String MISSING_PARAMETER = "missing-parameter";
    public static final String INVALID_FIELD = "invalid-field";

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}");

    private MailRequestValidator() {
    }

    public static MailRequest validate(String requestId, String recipient, String templateId, String locale,
            String category, Map<String, Object> parameters) {
        if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
            throw new InvalidMailRequest(INVALID_FIELD,
                    "requestId must be 1-200 characters of letters, digits and . _ : @ - : " + requestId);
        }
        String address = normalizedAddress(recipient);
        MailTemplateSpec spec = TemplateCatalog.find(templateId).orElseThrow(() -> new InvalidMailRequest(
                UNKNOWN_TEMPLATE, "unknown template '" + templateId + "'; known: " + TemplateCatalog.ids()));
        MailLocale mailLocale = locale == null || locale.isBlank()
                ? MailLocale.DEFAULT
                : MailLocale.fromTag(locale.toLowerCase(Locale.ROOT)).orElseThrow(() -> new InvalidMailRequest(
                        INVALID_FIELD, "locale must be ja or en: " + locale));
        MailCategory mailCategory = category == null || category.isBlank()
                ? spec.defaultCategory()
                : MailCategory.fromWire(category.toLowerCase(Locale.ROOT)).orElseThrow(() -> new InvalidMailRequest(
                        INVALID_FIELD, "category must be transactional, notice or recall: " + category));
        Map<String, Object> params = parameters == null ? Map.of() : parameters;
        for (String name : spec.required()) {
            if (isEmpty(params.get(name))) {
                throw new InvalidMailRequest(MISSING_PARAMETER,
                        "template " + spec.id() + " needs parameter '" + name + "'");
            }
        }
        for (Map.Entry<String, List<String>> list : spec.lists().entrySet()) {
            Object value = params.get(list.getKey());
            if (!(value instanceof Collection<?> items) || items.isEmpty()) {
                throw new InvalidMailRequest(MISSING_PARAMETER,
                        "template " + spec.id() + " needs parameter '" + list.getKey() + "' as a non-empty list");
            }
            int index = 0;
            for (Object item : items) {
                if (!(item instanceof Map<?, ?> fields)) {
                    throw new InvalidMailRequest(INVALID_FIELD,
                            "parameter '" + list.getKey() + "[" + index + "]' must be an object");
                }
                for (String field : list.getValue()) {
                    if (isEmpty(fields.get(field))) {
                        throw new InvalidMailRequest(MISSING_PARAMETER,
                                "template " + spec.id() + " needs '" + list.getKey() + "[" + index + "]." + field + "'");
                    }
                }
                index++;
            }
        }
        return new MailRequest(requestId, address, spec.id(), mailLocale, mailCategory, params);
    }

    /** The recipient as stored and compared: one plain address, domain and local part lower-cased. */
    public static String normalizedAddress(String recipient) {
        if (recipient == null || recipient.isBlank()) {
            throw new InvalidMailRequest(INVALID_FIELD, "recipient is missing");
        }
        try {
            InternetAddress address = new InternetAddress(recipient.trim(), true);
            String plain = address.getAddress();
            if (address.getPersonal() != null || plain.indexOf('@') < 1 || plain.length() > 254) {
                throw new InvalidMailRequest(INVALID_FIELD, "recipient must be one plain address: " + recipient);
            }
            return plain.toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            throw new InvalidMailRequest(INVALID_FIELD, "recipient is not an address: " + recipient);
        }
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof String s && s.isBlank();
    }
}
