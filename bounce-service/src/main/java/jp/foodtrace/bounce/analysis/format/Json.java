package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.foodtrace.bounce.analysis.Deadline;

/**
 * A small, lenient JSON reader for the notifications some providers send instead of a bounce
 * mail (objects become maps, arrays lists, numbers doubles). The analyzer has no library
 * dependencies on purpose; this reads what a notification holds and returns null on anything
 * malformed instead of throwing.
 */
final class Json {
    /** Deeper nesting is malformed here (and would exhaust the stack). */
    private static final int MAX_DEPTH = 64;

    private final String text;
    private int pos;
    private int depth;

    private Json(String text) {
        this.text = text;
    }

    /** The value in the text, or null when it is not well-formed JSON. */
    static Object parse(String text) {
        try {
            Json j = new Json(text);
            Object v = j.value();
            j.space();
            return j.pos == text.length() ? v : null;
        } catch (Deadline.Exceeded e) {
            throw e;
        } catch (RuntimeException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, String key) {
        Object v = value instanceof Map<?, ?> m ? m.get(key) : null;
        return v instanceof Map<?, ?> ? (Map<String, Object>) v : Map.of();
    }

    static List<?> array(Object value, String key) {
        Object v = value instanceof Map<?, ?> m ? m.get(key) : null;
        return v instanceof List<?> l ? l : List.of();
    }

    static String string(Object value, String key) {
        Object v = value instanceof Map<?, ?> m ? m.get(key) : null;
        return v instanceof String s ? s : "";
    }

    private void space() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private Object value() {
        space();
        char c = text.charAt(pos);
        switch (c) {
            case '{':
            case '[':
                if (++depth > MAX_DEPTH) {
                    throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH);
                }
                Object nested = c == '{' ? objectValue() : arrayValue();
                depth--;
                return nested;
            case '"':
                return stringValue();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return number();
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw new IllegalArgumentException("unexpected text at " + pos);
        }
        pos += word.length();
        return value;
    }

    private Object number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        return Double.parseDouble(text.substring(start, pos));
    }

    private Map<String, Object> objectValue() {
        Map<String, Object> out = new LinkedHashMap<>();
        pos++;
        space();
        if (text.charAt(pos) == '}') {
            pos++;
            return out;
        }
        while (true) {
            space();
            String key = stringValue();
            space();
            expect(':');
            out.put(key, value());
            space();
            if (text.charAt(pos) == ',') {
                pos++;
                continue;
            }
            expect('}');
            return out;
        }
    }

    private List<Object> arrayValue() {
        List<Object> out = new ArrayList<>();
        pos++;
        space();
        if (text.charAt(pos) == ']') {
            pos++;
            return out;
        }
        while (true) {
            out.add(value());
            space();
            if (text.charAt(pos) == ',') {
                pos++;
                continue;
            }
            expect(']');
            return out;
        }
    }

    private String stringValue() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> out.append(e);
            }
        }
    }

    private void expect(char c) {
        if (text.charAt(pos) != c) {
            throw new IllegalArgumentException("expected " + c + " at " + pos);
        }
        pos++;
    }
}
