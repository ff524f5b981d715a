package jp.foodtrace.bounce.analysis.mime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Header fields of a message: names in lower case, values unfolded and decoded (RFC 2047). */
public final class Headers {
    private final Map<String, List<String>> fields = new LinkedHashMap<>();

    /** Parses a header block (LF line ends), unfolding continuation lines. */
    public static Headers parse(String block) {
        Headers h = new Headers();
        String name = null;
        StringBuilder value = new StringBuilder();
        int n = block.length();
        for (int start = 0, end; start < n; start = end + 1) {
            end = block.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            if (end == start) {
                continue;
            }
            char c = block.charAt(start);
            if ((c == ' ' || c == '\t') && name != null) {
                value.append(' ');
                appendStripped(value, block, start, end);
                continue;
            }
            int colon = block.indexOf(':', start);
            if (colon <= start || colon >= end || !noSpace(block, start, colon)) {
                continue;
            }
            if (name != null) {
                h.add(name, value.toString());
            }
            name = block.substring(start, colon).trim().toLowerCase(Locale.ROOT);
            value.setLength(0);
            appendStripped(value, block, colon + 1, end);
        }
        if (name != null) {
            h.add(name, value.toString());
        }
        return h;
    }

    private static boolean noSpace(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == ' ') {
                return false;
            }
        }
        return true;
    }

    /** Appends text[from, to) without leading and trailing white space, as String.strip would. */
    private static void appendStripped(StringBuilder out, String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        out.append(text, from, to);
    }

    private void add(String name, String raw) {
        List<String> values = fields.get(name);
        if (values == null) {
            values = new ArrayList<>(1);
            fields.put(name, values);
        }
        values.add(EncodedWords.decode(raw));
    }

    /** The first value of the field, "" when absent. */
    public String get(String name) {
        List<String> v = fields.get(name);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    public List<String> all(String name) {
        return fields.getOrDefault(name, List.of());
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }
}
