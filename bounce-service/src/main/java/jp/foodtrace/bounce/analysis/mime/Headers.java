package jp.foodtrace.bounce.analysis.mime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Header fields of a message: names in lower case, values unfolded and decoded (RFC 2047). */
public final class Headers {
    private final Map<String, List<String>> fields = new LinkedHashMap<>();

    /** Parses a header block (LF line ends), unfolding continuation lines. */
    public static Headers parse(String block) {
        Headers h = new Headers();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            char c = line.charAt(0);
            if ((c == ' ' || c == '\t') && name != null) {
                value.append(' ').append(line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.substring(0, colon).contains(" ")) {
                continue;
            }
            if (name != null) {
                h.add(name, value.toString());
            }
            name = line.substring(0, colon).trim().toLowerCase();
            value.setLength(0);
            value.append(line.substring(colon + 1).strip());
        }
        if (name != null) {
            h.add(name, value.toString());
        }
        return h;
    }

    private void add(String name, String raw) {
        fields.computeIfAbsent(name, k -> new ArrayList<>()).add(EncodedWords.decode(raw));
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
