package jp.foodtrace.mail.request;

import java.util.Locale;
import java.util.Optional;

/**
 * What kind of mail a request is. Notice mail (shipment notices) is bulk-like: it carries RFC 8058
 * one-click unsubscribe and can be unsubscribed per category. Transactional mail (order results,
 * account mail) answers something the member did and has no unsubscribe. Recall mail (food-safety
 * recalls) has no unsubscribe either and is stopped by nothing but a hard bounce: neither an
 * unsubscribe nor a complaint may keep a recall from a store.
 */
public enum MailCategory {
    TRANSACTIONAL,
    NOTICE,
    RECALL;

    /** Only notice mail carries an unsubscribe link and may be unsubscribed from. */
    public boolean unsubscribable() {
        return this == NOTICE;
    }

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
