package jp.foodtrace.text;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, read strictly and written canonically. Fields are separated by commas; a field
 * with a comma, quote or line break is in double quotes with quotes doubled, and may then span
 * lines. Read: records end with CRLF, LF or CR; blank lines and a byte order mark are skipped;
 * spaces around an unquoted field are dropped, a quoted field keeps every character; spaces (only
 * spaces) may stand between a closing quote and the next comma. An unterminated quote, a quote
 * inside an unquoted field or text after a closing quote is a {@link MalformedTextException} with
 * the line it is on. Written: CRLF after every record.
 *
 * <p>Our own parser rather than a library: the errors must carry the line on which a handheld's
 * file went wrong, and the whole format is this class.
 */
public final class Csv {

    /** One record and the 1-based line it starts on. */
    public record Row(int line, List<String> fields) {

        /** The field at index, or empty text when the record is shorter. */
        public String field(int index) {
            return index < fields.size() ? fields.get(index) : "";
        }

        public int size() {
            return fields.size();
        }
    }

    private Csv() {
    }

    /** Decodes bytes strictly in the charset ({@link JapaneseText#decode}) and parses them. */
    public static List<Row> read(byte[] bytes, Charset charset) {
        return parse(JapaneseText.decode(bytes, charset));
    }

    public static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int n = text.length();
        boolean recordHasContent = false;
        while (i <= n) {
            // at the start of a field
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                field.append(text.charAt(i));
                i++;
            }
            if (i < n && text.charAt(i) == '"') {
                if (!field.toString().isBlank()) {
                    throw new MalformedTextException(line, "quote inside an unquoted field");
                }
                field.setLength(0);
                int quoteLine = line;
                i++;
                while (true) {
                    if (i >= n) {
                        throw new MalformedTextException(quoteLine, "quoted field is never closed");
                    }
                    char c = text.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    field.append(c);
                    i++;
                }
                while (i < n && text.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                    throw new MalformedTextException(line, "text after the closing quote of a field");
                }
                fields.add(field.toString());
                recordHasContent = true;
            } else {
                while (i < n) {
                    char c = text.charAt(i);
                    if (c == ',' || c == '\r' || c == '\n') {
                        break;
                    }
                    if (c == '"') {
                        throw new MalformedTextException(line, "quote inside an unquoted field");
                    }
                    field.append(c);
                    i++;
                }
                String value = field.toString().strip();
                fields.add(value);
                recordHasContent |= !value.isEmpty();
            }
            field.setLength(0);
            if (i < n && text.charAt(i) == ',') {
                recordHasContent = true;
                i++;
                continue;
            }
            // end of record: line break or end of text
            if (recordHasContent) {
                rows.add(new Row(rowLine, List.copyOf(fields)));
            }
            fields.clear();
            recordHasContent = false;
            if (i >= n) {
                break;
            }
            if (text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                i++;
            }
            i++;
            line++;
            rowLine = line;
            if (i == n) {
                break;
            }
        }
        return rows;
    }

    /** One record, CRLF-terminated; null is an empty field. */
    public static String line(Object... values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            appendField(out, values[i] == null ? "" : values[i].toString());
        }
        return out.append("\r\n").toString();
    }

    /** One record from a list of values. */
    public static String line(List<?> values) {
        return line(values.toArray());
    }

    private static void appendField(StringBuilder out, String v) {
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || (!v.isEmpty() && (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' '));
        if (quote) {
            out.append('"').append(v.replace("\"", "\"\"")).append('"');
        } else {
            out.append(v);
        }
    }
}
