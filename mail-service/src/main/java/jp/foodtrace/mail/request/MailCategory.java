package jp.foodtrace.mail.request;

import java.util.Locale;
import java.util.Optional;

/**
 * What kind of mail a request is. Notice mail (shipment and recall notices) is bulk-like: it
 * carries RFC 8058 one-click unsubscribe and can be unsubscribed per category. Transactional mail
 * (order results, account mail) answers something the member did and has no unsubscribe.
 */
public enum MailCategory {
    TRANSACTIONAL,
    NOTICE;

    /** The name on the wire and in the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MailCategory> fromWire(String value) {
        for (MailCategory category : values()) {
            if (category.wireName().equals(value)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
