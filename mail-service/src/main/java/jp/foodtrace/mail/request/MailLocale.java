package jp.foodtrace.mail.request;

import java.util.Locale;
import java.util.Optional;

/** Languages the templates exist in; Japanese unless the request says otherwise. */
public enum MailLocale {
    JA,
    EN;

    public static final MailLocale DEFAULT = JA;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MailLocale> fromTag(String tag) {
        for (MailLocale locale : values()) {
            if (locale.tag().equals(tag)) {
                return Optional.of(locale);
            }
        }
        return Optional.empty();
    }
}
