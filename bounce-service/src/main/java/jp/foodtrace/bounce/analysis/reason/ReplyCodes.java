package jp.foodtrace.bounce.analysis.reason;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;

/** SMTP reply codes (RFC 5321) written in a diagnostic text. */
public final class ReplyCodes {
    private static final Pattern IPV4 = Pattern.compile(
            "\\b(?:\\d|[01]?\\d\\d|2[0-4]\\d|25[0-5])\\.(?:\\d|[01]?\\d\\d|2[0-4]\\d|25[0-5])\\."
                    + "(?:\\d|[01]?\\d\\d|2[0-4]\\d|25[0-5])\\.(?:\\d|[01]?\\d\\d|2[0-4]\\d|25[0-5])\\b");
    private static final Pattern ERROR_REPLY = Pattern.compile("\\b([45][0-5][0-9])\\b");
    private static final Pattern OK_REPLY = Pattern.compile("\\b(25[0-3])\\b");

    private ReplyCodes() {
    }

    /** Cheap test before the patterns: three digits in a row, the first 2, 4 or 5. */
    private static boolean hasThreeDigits(String text) {
        for (int i = 0, n = text.length() - 2; i < n; i++) {
            char c = text.charAt(i);
            if ((c == '2' || c == '4' || c == '5') && Character.isDigit(text.charAt(i + 1))
                    && Character.isDigit(text.charAt(i + 2))) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsXUnix(String text) {
        for (int i = text.indexOf(';'); i >= 6; i = text.indexOf(';', i + 1)) {
            if (text.regionMatches(true, i - 6, "X-UNIX", 0, 6)) {
                return true;
            }
        }
        return false;
    }

    /** The first reply code in the text, "" if none; IP addresses are not mistaken for one. */
    public static String find(String text) {
        if (text == null || text.isEmpty() || !hasThreeDigits(text) || containsXUnix(text)) {
            return "";
        }
        String error = first(ERROR_REPLY, text);
        return error.isEmpty() ? first(OK_REPLY, text) : error;
    }

    /** The first match that is not a number inside an IPv4 address. */
    private static String first(Pattern code, String text) {
        Matcher m = code.matcher(Deadline.guard(text));
        List<int[]> addresses = null;
        while (m.find()) {
            boolean nearDot = (m.start() > 0 && text.charAt(m.start() - 1) == '.')
                    || (m.end() < text.length() && text.charAt(m.end()) == '.');
            if (!nearDot) {
                return m.group(1);
            }
            if (addresses == null) {
                addresses = new ArrayList<>();
                Matcher a = IPV4.matcher(Deadline.guard(text));
                while (a.find()) {
                    addresses.add(new int[] {a.start(), a.end()});
                }
            }
            boolean inAddress = false;
            for (int[] span : addresses) {
                inAddress |= m.start() >= span[0] && m.end() <= span[1];
            }
            if (!inAddress) {
                return m.group(1);
            }
        }
        return "";
    }
}
