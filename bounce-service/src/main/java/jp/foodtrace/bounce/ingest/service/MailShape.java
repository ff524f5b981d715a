package jp.foodtrace.bounce.ingest.service;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides cheaply whether an object is an RFC 5322 message at all, before the analyzer sees it.
 * The analyzer never throws on malformed mail, so "not mail" has to be recognised here: an empty
 * or binary object, or one whose first lines are not a header block with at least one of the
 * fields every delivered message carries.
 */
public final class MailShape {

    private static final int SCAN = 64 * 1024;
    private static final Pattern FIELD = Pattern.compile("^[\\x21-\\x39\\x3b-\\x7e]+:.*");
    private static final Set<String> MAIL_FIELDS = Set.of("from", "received", "return-path", "date", "message-id",
            "x-original-to", "delivered-to");

    private MailShape() {
    }

    /** Why the bytes are not a mail message, or empty when they look like one. */
    public static Optional<String> problem(byte[] raw) {
        if (raw.length == 0) {
            return Optional.of("empty object");
        }
        int scan = Math.min(raw.length, SCAN);
        for (int i = 0; i < scan; i++) {
            if (raw[i] == 0) {
                return Optional.of("binary content (NUL byte at offset " + i + ")");
            }
        }
        String head = new String(raw, 0, scan, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r?\n", -1);
        int i = 0;
        if (lines.length > 0 && lines[0].startsWith("From ")) {
            i = 1; // mbox separator line
        }
        if (i >= lines.length || !FIELD.matcher(lines[i]).matches()) {
            return Optional.of("no header block at the start");
        }
        boolean mailField = false;
        for (; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                break;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                continue;
            }
            if (!FIELD.matcher(line).matches()) {
                break;
            }
            String name = line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT);
            mailField |= MAIL_FIELDS.contains(name);
        }
        return mailField ? Optional.empty() : Optional.of("header block without From, Date, Received or Message-ID");
    }
}
