package jp.foodtrace.mail.sender.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.foodtrace.mail.config.MailConfig;
import jp.foodtrace.mail.request.MailCategory;
import jp.foodtrace.mail.sender.Sender;

/**
 * The configured senders ({@code suite.mail.senders.<name>.token|categories|operator}), checked at
 * start: a name of letters, digits, {@code . _ -}; a token of at least 12 characters, used by no other
 * sender; known categories. Tokens are compared in constant time.
 */
@ApplicationScoped
public class Senders {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final int MIN_TOKEN_LENGTH = 12;

    private record Entry(Sender sender, byte[] token) {
    }

    private final List<Entry> entries;

    @Inject
    public Senders(MailConfig config) {
        this(config.senders());
    }

    Senders(Map<String, MailConfig.Sender> configured) {
        List<Entry> list = new ArrayList<>();
        for (Map.Entry<String, MailConfig.Sender> e : configured.entrySet()) {
            String name = e.getKey();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("suite.mail.senders: bad sender name '" + name + "'");
            }
            String token = e.getValue().token() == null ? "" : e.getValue().token().strip();
            if (token.length() < MIN_TOKEN_LENGTH) {
                throw new IllegalArgumentException("suite.mail.senders." + name + ".token must have at least "
                        + MIN_TOKEN_LENGTH + " characters");
            }
            Set<MailCategory> categories = EnumSet.noneOf(MailCategory.class);
            for (String c : e.getValue().categories()) {
                categories.add(MailCategory.fromWire(c.strip().toLowerCase(Locale.ROOT)).orElseThrow(
                        () -> new IllegalArgumentException("suite.mail.senders." + name + ".categories: unknown '" + c + "'")));
            }
            byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
            for (Entry other : list) {
                if (MessageDigest.isEqual(other.token(), bytes)) {
                    throw new IllegalArgumentException("senders " + other.sender().name() + " and " + name
                            + " have the same token");
                }
            }
            list.add(new Entry(new Sender(name, Set.copyOf(categories), e.getValue().operator()), bytes));
        }
        this.entries = List.copyOf(list);
    }

    /** The sender a bearer token belongs to, if any. */
    public Optional<Sender> authenticate(String token) {
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        Sender found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.token(), given)) {
                found = entry.sender();
            }
        }
        return Optional.ofNullable(found);
    }
}
