package jp.foodtrace.bounce.analysis.format;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;

/** Small text helpers shared by the formats. */
public final class Text {
    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![A-Za-z0-9!#$%&'*+/=?^_`{|}~.-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]++@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final Pattern COMMAND = Pattern.compile(
            "(?i)(?:in reply to|after|while (?:talking|sending)[^:]{0,256}?:?\\s*>>>|>>>)\\s*(?:end of )?(RCPT TO|RCPT|MAIL FROM|MAIL|DATA|HELO|EHLO|QUIT|(?:initial )?connection|greeting)\\b");

    private Text() {
    }

    /** The first e-mail address in the text, lower-cased host, or "". */
    public static String address(String text) {
        if (text == null) {
            return "";
        }
        Matcher m = ADDRESS.matcher(Deadline.guard(text));
        if (!m.find()) {
            return "";
        }
        return normalize(m.group());
    }

    static String normalize(String address) {
        String a = address;
        while (a.endsWith(".")) {
            a = a.substring(0, a.length() - 1);
        }
        while (a.startsWith(".")) {
            a = a.substring(1);
        }
        int at = a.lastIndexOf('@');
        return at < 0 ? a : a.substring(0, at) + "@" + a.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** SMTP command the error answered, from phrases like "in reply to RCPT TO command". */
    public static String command(String text) {
        if (text.indexOf(">>>") < 0) {
            // every wording the pattern knows has one of these; most texts have none
            if (!containsIgnoreCase(text, "after") && !containsIgnoreCase(text, "in reply to")) {
                return "";
            }
        }
        Matcher m = COMMAND.matcher(Deadline.guard(text));
        if (!m.find()) {
            return "";
        }
        String c = m.group(1).toUpperCase(Locale.ROOT);
        if (c.startsWith("RCPT")) {
            return "RCPT";
        }
        if (c.startsWith("MAIL")) {
            return "MAIL";
        }
        if (c.contains("CONNECTION") || c.equals("GREETING")) {
            return "CONN";
        }
        return c;
    }

    /** Whether the text contains the lower-case ASCII word in any case, without a lower-cased copy of the text. */
    static boolean containsIgnoreCase(String text, String word) {
        char first = word.charAt(0);
        char upper = Character.toUpperCase(first);
        for (int i = 0, last = text.length() - word.length(); i <= last; i++) {
            char c = text.charAt(i);
            if ((c == first || c == upper) && text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    /** The reason of the first {reason, phrase} row whose phrase the text contains, or "". */
    static String reasonFor(String text, String[][] table) {
        for (String[] row : table) {
            if (text.contains(row[1])) {
                return row[0];
            }
        }
        return "";
    }

    /** Collapses runs of white space into single spaces. */
    public static String squeeze(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString().trim();
    }

    /** The value after "type;" in DSN fields such as "rfc822; a@b" or "smtp; 550 ...". */
    public static String afterType(String value) {
        int semi = value.indexOf(';');
        return semi < 0 ? value.trim() : value.substring(semi + 1).trim();
    }

    /** The type before ';' in a DSN field, upper case, or "". */
    public static String typeOf(String value) {
        int semi = value.indexOf(';');
        return semi < 0 ? "" : value.substring(0, semi).trim().toUpperCase(Locale.ROOT);
    }
}
