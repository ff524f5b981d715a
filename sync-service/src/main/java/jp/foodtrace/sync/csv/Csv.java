package jp.foodtrace.sync.csv;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFC 4180 CSV, read and written: comma separated, fields with a comma, quote or line break in
 * double quotes, quotes doubled. Lines end with CRLF when written and with CRLF or LF when read.
 * Only UTF-8 and Shift_JIS are spoken, the two encodings HQ's batch jobs and handhelds use.
 */
public final class Csv {

    /** One parsed record and the (1-based) line it starts on. */
    public record Row(int line, List<String> fields) {
        public String field(int index) {
            return index < fields.size() ? fields.get(index).strip() : "";
        }
    }

    /** UTF-8, Shift_JIS and its Windows variant (what most handhelds and Excel actually write). */
    private static final java.util.Set<String> SPOKEN = java.util.Set.of("UTF-8", "Shift_JIS", "windows-31j");

    private Csv() {
    }

    /** The charset named by a media type parameter; UTF-8 when none; empty when not supported. */
    public static Optional<Charset> charset(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        try {
            Charset charset = Charset.forName(name.strip().replace("\"", ""));
            return SPOKEN.contains(charset.name()) ? Optional.of(charset) : Optional.empty();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    public static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int rowLine = 1;
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    fields.add(field.toString());
                    rows.add(new Row(rowLine, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                any = false;
                line++;
                rowLine = line;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted field starting on line " + rowLine);
        }
        if (any || field.length() > 0) {
            fields.add(field.toString());
            rows.add(new Row(rowLine, List.copyOf(fields)));
        }
        return rows;
    }

    public static String line(Object... values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String v = values[i] == null ? "" : values[i].toString();
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                out.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                out.append(v);
            }
        }
        return out.append("\r\n").toString();
    }
}
