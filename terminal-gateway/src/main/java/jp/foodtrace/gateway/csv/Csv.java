package jp.foodtrace.gateway.csv;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.MediaType;

/**
 * RFC 4180 CSV, one record per physical line (handheld exports never put line breaks inside a
 * field). Fields may be quoted; surrounding spaces are trimmed; blank lines are skipped.
 */
public final class Csv {

    private Csv() {
    }

    /** A record with its 1-based line number in the file. */
    public record Row(int line, List<String> fields) {
        public String field(int i) {
            return i < fields.size() ? fields.get(i) : "";
        }
    }

    public static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (!line.isBlank()) {
                rows.add(new Row(i + 1, split(line)));
            }
        }
        return rows;
    }

    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().trim());
        return fields;
    }

    /**
     * The charset of a text/csv body: its {@code charset} parameter, UTF-8 by default. Shift_JIS
     * is read as Windows-31J (its superset that handhelds actually write: NEC and IBM extensions).
     */
    public static Charset charsetOf(MediaType type) {
        String name = type == null ? null : type.getParameters().get("charset");
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        String normalized = name.trim().replace("\"", "");
        if (normalized.equalsIgnoreCase("Shift_JIS") || normalized.equalsIgnoreCase("SJIS")
                || normalized.equalsIgnoreCase("MS932") || normalized.equalsIgnoreCase("CP932")) {
            return Charset.forName("windows-31j");
        }
        try {
            return Charset.forName(normalized);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("unsupported charset " + name);
        }
    }
}
