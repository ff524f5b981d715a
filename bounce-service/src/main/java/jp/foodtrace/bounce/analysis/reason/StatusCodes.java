package jp.foodtrace.bounce.analysis.reason;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;

/** RFC 3463 enhanced status codes: finding them in text and mapping them to reasons. */
public final class StatusCodes {
    private static final Map<String, String> REASON_BY_CODE = load();
    private static final Pattern WELL_FORMED = Pattern.compile("[245]\\.\\d\\.\\d+");
    private static final List<Pattern> IN_TEXT = List.of(
            Pattern.compile(" ?\\(#([45]\\.\\d\\.\\d+)\\)? ?"),
            Pattern.compile("\\b\\d{3}[ -]#?([45]\\.\\d\\.\\d+)\\b"),
            Pattern.compile("\\b([45]\\.\\d\\.\\d+)\\b"),
            Pattern.compile("\\b(2\\.[0-7]\\.[0-7])\\b"));

    /** Derived codes for a reason when the report carried none: {@code 5.0.9xx}/{@code 4.0.9xx}. */
    private static final Map<String, String> PERMANENT = Map.ofEntries(
            Map.entry("blocked", "5.0.971"), Map.entry("contenterror", "5.0.960"),
            Map.entry("exceedlimit", "5.0.923"), Map.entry("expired", "5.0.947"),
            Map.entry("filtered", "5.0.910"), Map.entry("hasmoved", "5.0.916"),
            Map.entry("hostunknown", "5.0.912"), Map.entry("mailboxfull", "5.0.922"),
            Map.entry("mailererror", "5.0.939"), Map.entry("mesgtoobig", "5.0.934"),
            Map.entry("networkerror", "5.0.944"), Map.entry("norelaying", "5.0.909"),
            Map.entry("notaccept", "5.0.932"), Map.entry("onhold", "5.0.901"),
            Map.entry("policyviolation", "5.0.972"), Map.entry("rejected", "5.0.918"),
            Map.entry("securityerror", "5.0.970"), Map.entry("spamdetected", "5.0.980"),
            Map.entry("suspend", "5.0.921"), Map.entry("systemerror", "5.0.930"),
            Map.entry("systemfull", "5.0.931"), Map.entry("syntaxerror", "5.0.902"),
            Map.entry("toomanyconn", "5.0.945"), Map.entry("userunknown", "5.0.911"),
            Map.entry("undefined", "5.0.900"), Map.entry("virusdetected", "5.0.971"));
    private static final Map<String, String> TEMPORARY = Map.ofEntries(
            Map.entry("blocked", "4.0.971"), Map.entry("contenterror", "4.0.960"),
            Map.entry("expired", "4.0.947"), Map.entry("filtered", "4.0.924"),
            Map.entry("mailboxfull", "4.0.922"), Map.entry("networkerror", "4.0.944"),
            Map.entry("notaccept", "4.0.932"), Map.entry("onhold", "4.0.901"),
            Map.entry("rejected", "4.0.918"), Map.entry("securityerror", "4.0.970"),
            Map.entry("spamdetected", "4.0.980"), Map.entry("systemerror", "4.0.930"),
            Map.entry("systemfull", "4.0.931"), Map.entry("toomanyconn", "4.0.945"),
            Map.entry("undefined", "4.0.900"));

    private StatusCodes() {
    }

    /** The reason a standard code stands for, or "" (also for malformed codes). */
    public static String reasonOf(String code) {
        if (code == null || !WELL_FORMED.matcher(Deadline.guard(code)).matches()) {
            return "";
        }
        return REASON_BY_CODE.getOrDefault(code, "");
    }

    /** Whether the code has the form class.subject.detail, e.g. 4.7.650. */
    public static boolean isWellFormed(String code) {
        return code != null && WELL_FORMED.matcher(Deadline.guard(code)).matches();
    }

    /** The first enhanced status code written in a text, or "". */
    public static String find(String text) {
        if (text == null || text.isEmpty() || !mayHoldCode(text)) {
            return "";
        }
        for (Pattern p : IN_TEXT) {
            Matcher m = p.matcher(Deadline.guard(text));
            while (m.find()) {
                if (!partOfLongerNumber(text, m.start(1), m.end(1))) {
                    return m.group(1);
                }
            }
        }
        return "";
    }

    /** Cheap test before the patterns: a digit 2, 4 or 5, a dot and another digit. */
    private static boolean mayHoldCode(String text) {
        for (int i = text.indexOf('.'); i > 0 && i + 1 < text.length(); i = text.indexOf('.', i + 1)) {
            char before = text.charAt(i - 1);
            if ((before == '2' || before == '4' || before == '5') && Character.isDigit(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** True for "192.0.2.1"-like numbers: digits and a dot right before or after the code. */
    private static boolean partOfLongerNumber(String text, int start, int end) {
        boolean dotDigitAfter = end + 1 < text.length() && text.charAt(end) == '.'
                && Character.isDigit(text.charAt(end + 1));
        boolean digitDotBefore = start >= 2 && text.charAt(start - 1) == '.'
                && Character.isDigit(text.charAt(start - 2));
        return dotDigitAfter || digitDotBefore;
    }

    /** A code standing for the reason when the report gave none. */
    public static String pseudoCode(String reason, boolean temporary) {
        if (temporary && TEMPORARY.containsKey(reason)) {
            return TEMPORARY.get(reason);
        }
        return PERMANENT.getOrDefault(reason, "");
    }

    private static Map<String, String> load() {
        Map<String, String> map = new HashMap<>();
        try (var in = StatusCodes.class.getResourceAsStream("status-codes.txt");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] kv = line.trim().split("\\s+");
                map.put(kv[0], kv[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(map);
    }
}
