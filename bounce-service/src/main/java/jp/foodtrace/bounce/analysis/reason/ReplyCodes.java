package jp.foodtrace.bounce.analysis.reason;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SMTP reply codes (RFC 5321) written in a diagnostic text. */
public final class ReplyCodes {
    private static final Pattern IPV4 = Pattern.compile(
            "\\b(?:\\d|[01]?\\d\\d|2[0-4]\\d|25[0-5])\\.(?:\\d|[01]?\\d\\d|2[0-4]\\d|25[0-5])\\."
                    + "(?:\\d|[01]?\\d\\d|2[0-4]\\d|25[0-5])\\.(?:\\d|[01]?\\d\\d|2[0-4]\\d|25[0-5])\\b");
    private static final Pattern ERROR_REPLY = Pattern.compile("\\b([45][0-5][0-9])\\b");
    private static final Pattern OK_REPLY = Pattern.compile("\\b(25[0-3])\\b");

    private ReplyCodes() {
    }

    /** The first reply code in the text, "" if none; IP addresses are not mistaken for one. */
    public static String find(String text) {
        if (text == null || text.isEmpty() || text.toUpperCase().contains("X-UNIX;")) {
            return "";
        }
        String t = IPV4.matcher(text).replaceAll("***.***.***.***");
        Matcher m = ERROR_REPLY.matcher(t);
        if (m.find()) {
            return m.group(1);
        }
        m = OK_REPLY.matcher(t);
        return m.find() ? m.group(1) : "";
    }
}
