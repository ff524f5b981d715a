package jp.foodtrace.bounce.analysis.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;

/**
 * A returned message, read once: its own headers and one flat text made of every readable part,
 * decoded. A part holding the original message or a delivery report starts with a line
 * {@code Content-Type: message/rfc822} or {@code Content-Type: message/delivery-status}, so
 * format parsers can find them the same way in MIME and in plain-text bounces.
 */
public final class MailMessage {
    public static final String ORIGINAL_MARK = "Content-Type: message/rfc822";
    public static final String REPORT_MARK = "Content-Type: message/delivery-status";

    private static final Pattern PARAM = Pattern.compile(
            ";\\s*([A-Za-z0-9_*-]+)\\s*=\\s*(\"([^\"]*)\"|[^;\\s]+)");

    private final Headers headers;
    private final String body;
    private Headers original;
    private String report;

    private MailMessage(Headers headers, String body) {
        this.headers = headers;
        this.body = body;
    }

    /**
     * Parses raw bytes of an RFC 5322 message; never throws on malformed input.
     *
     * <p>The header block and the body are cut from the bytes; only the headers become a string
     * at once. A message that is a single text part (most plain-text bounces) goes from its body
     * bytes straight to the decoded text, instead of through a string of the whole message, a
     * copy of its body, the bytes of that copy and a builder: four copies of every message less,
     * which a command-line run over many files pays for in memory touched, not only in time.
     */
    public static MailMessage parse(byte[] raw) {
        byte[] bytes = indexOf(raw, (byte) '\r', 0) >= 0 ? lineFeedsOnly(raw) : raw;
        int start = 0;
        if (startsWith(bytes, "From ")) {
            // mbox separator line
            int nl = indexOf(bytes, (byte) '\n', 0);
            start = nl < 0 ? bytes.length : nl + 1;
        }
        // as splitHeaderBody: a body part without header fields starts with the blank line
        int headerEnd;
        int bodyStart;
        if (start < bytes.length && bytes[start] == '\n') {
            headerEnd = start;
            bodyStart = start + 1;
        } else {
            int blank = blankLine(bytes, start);
            headerEnd = blank < 0 ? bytes.length : blank;
            bodyStart = blank < 0 ? bytes.length : blank + 2;
        }
        Headers headers = Headers.parse(new String(bytes, start, headerEnd - start, StandardCharsets.ISO_8859_1));
        String ctHeader = headers.get("content-type");
        String type = mediaType(ctHeader);
        if (!type.startsWith("multipart/") && !isReport(type)) {
            // what flatten does with a single part at the top: its decoded text, ending in a line feed
            Deadline.check();
            String cte = headers.get("content-transfer-encoding").trim().toLowerCase(Locale.ROOT);
            String text = switch (cte) {
                case "base64", "quoted-printable" -> decodeText(
                        new String(bytes, bodyStart, bytes.length - bodyStart, StandardCharsets.ISO_8859_1), cte, ctHeader);
                default -> decodeBytes(Arrays.copyOfRange(bytes, bodyStart, bytes.length), ctHeader);
            };
            if (type.equals("text/html")) {
                text = Html.toText(text);
            }
            return new MailMessage(headers, text.endsWith("\n") ? text : text + "\n");
        }
        String body = new String(bytes, bodyStart, bytes.length - bodyStart, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(body.length());
        flatten(headers, body, out, 0);
        return new MailMessage(headers, out.toString());
    }

    /** The bytes with every CR LF and every lone CR turned into LF, as the text rules expect. */
    private static byte[] lineFeedsOnly(byte[] raw) {
        byte[] out = new byte[raw.length];
        int n = 0;
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b != '\r') {
                out[n++] = b;
            } else if (i + 1 >= raw.length || raw[i + 1] != '\n') {
                out[n++] = '\n';
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        if (bytes.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The first "\n\n" at or after {@code from}, -1 when none. */
    private static int blankLine(byte[] bytes, int from) {
        for (int i = indexOf(bytes, (byte) '\n', from); i >= 0 && i + 1 < bytes.length;
                i = indexOf(bytes, (byte) '\n', i + 1)) {
            if (bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isReport(String type) {
        return type.equals("message/delivery-status") || type.equals("message/global-delivery-status")
                || type.equals("message/feedback-report");
    }

    public Headers headers() {
        return headers;
    }

    /** All readable parts as one text, LF line ends. */
    public String body() {
        return body;
    }

    /** The text before the attached original message. */
    public String report() {
        if (report == null) {
            // every format asks; cut once per message
            int i = body.indexOf(ORIGINAL_MARK);
            report = i < 0 ? body : body.substring(0, i);
        }
        return report;
    }

    /** The headers of the attached original message, empty when none was attached. */
    public Headers original() {
        if (original == null) {
            int i = body.indexOf(ORIGINAL_MARK);
            original = Headers.parse(i < 0 ? "" : headerBlock(body, i + ORIGINAL_MARK.length()));
        }
        return original;
    }

    /** Sets the original message headers for formats that quote it after a marker line. */
    public void originalFrom(String text) {
        original = Headers.parse(headerBlock(text, 0));
    }

    /** The header block that starts at {@code from} (after white space), without copying the rest. */
    static String headerBlock(String text, int from) {
        int start = from;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int end = text.indexOf("\n\n", start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    static String[] splitHeaderBody(String text) {
        if (text.startsWith("\n")) {
            // RFC 2046 5.1.1: a body part without header fields starts with the blank line
            return new String[] {"", text.substring(1)};
        }
        int i = text.indexOf("\n\n");
        if (i < 0) {
            return new String[] {text, ""};
        }
        return new String[] {text.substring(0, i), text.substring(i + 2)};
    }

    /** The value of a Content-Type parameter, "" when absent. */
    public static String param(String headerValue, String name) {
        Matcher m = PARAM.matcher(Deadline.guard(headerValue));
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(name)) {
                return m.group(3) != null ? m.group(3) : m.group(2);
            }
        }
        return "";
    }

    private static void flatten(Headers h, String content, StringBuilder out, int depth) {
        Deadline.check();
        String ctHeader = h.get("content-type");
        String type = mediaType(ctHeader);
        String cte = h.get("content-transfer-encoding").trim().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/") && depth < 8) {
            String boundary = param(ctHeader, "boundary");
            if (boundary.isEmpty()) {
                out.append(content);
                return;
            }
            List<String[]> parts = new ArrayList<>();
            for (String part : splitMultipart(content, boundary)) {
                parts.add(splitHeaderBody(part));
            }
            boolean alternative = type.equals("multipart/alternative");
            boolean hasPlain = alternative && parts.stream()
                    .anyMatch(p -> mediaType(Headers.parse(p[0]).get("content-type")).equals("text/plain"));
            for (String[] p : parts) {
                Headers ph = Headers.parse(p[0]);
                if (hasPlain && mediaType(ph.get("content-type")).equals("text/html")) {
                    continue;
                }
                flatten(ph, p[1], out, depth + 1);
            }
            return;
        }
        if (depth > 0 && (type.equals("message/rfc822") || type.equals("message/global")
                || type.equals("text/rfc822-headers") || type.equals("message/rfc822-headers")
                || type.equals("message/global-headers"))) {
            out.append('\n').append(ORIGINAL_MARK).append("\n\n");
            out.append(decodePart(content, cte, ctHeader)).append('\n');
            return;
        }
        if (isReport(type)) {
            out.append('\n').append(REPORT_MARK).append('\n');
            out.append(decodePart(content, cte, ctHeader).stripLeading()).append('\n');
            return;
        }
        if (type.isEmpty() || type.startsWith("text/") || depth == 0) {
            String text = depth > 0 ? decodePart(content, cte, ctHeader) : decodeText(content, cte, ctHeader);
            if (type.equals("text/html")) {
                text = Html.toText(text);
            }
            out.append(text);
            if (!text.endsWith("\n")) {
                out.append('\n');
            }
        }
        // images, archives and other attachments say nothing about the bounce
    }

    /**
     * At most this many characters of a part inside a multipart message are analysed: a notice's
     * own text, its delivery report and the returned message's headers fit many times over, and
     * what lies beyond (a returned message's body, an attachment sent as text) says nothing about
     * the bounce but would cost every rule a pass over it.
     */
    static final int MAX_PART_CHARS = 64 * 1024;

    private static String decodePart(String content, String cte, String ctHeader) {
        String text = decodeText(content, cte, ctHeader);
        return text.length() > MAX_PART_CHARS ? text.substring(0, MAX_PART_CHARS) : text;
    }

    private static String decodeText(String content, String cte, String ctHeader) {
        byte[] bytes = switch (cte) {
            case "base64" -> TransferEncoding.base64(content);
            case "quoted-printable" -> TransferEncoding.quotedPrintable(content);
            default -> content.getBytes(StandardCharsets.ISO_8859_1);
        };
        return decodeBytes(bytes, ctHeader);
    }

    private static String decodeBytes(byte[] bytes, String ctHeader) {
        String text = Charsets.decode(bytes, Charsets.forName(param(ctHeader, "charset")));
        return text.indexOf('\r') >= 0 ? text.replace("\r\n", "\n") : text;
    }

    static String mediaType(String ctHeader) {
        int semi = ctHeader.indexOf(';');
        String t = (semi < 0 ? ctHeader : ctHeader.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        return t;
    }

    private static List<String> splitMultipart(String content, String boundary) {
        List<String> parts = new ArrayList<>();
        String delimiter = "--" + boundary;
        int pos = content.startsWith(delimiter) ? 0 : content.indexOf("\n" + delimiter);
        if (pos < 0) {
            parts.add(content);
            return parts;
        }
        if (pos > 0) {
            pos += 1;
        }
        while (pos >= 0) {
            int lineEnd = content.indexOf('\n', pos);
            if (content.startsWith(delimiter + "--", pos) || lineEnd < 0) {
                break;
            }
            int next = content.indexOf("\n" + delimiter, lineEnd);
            String part = next < 0 ? content.substring(lineEnd + 1)
                    : next <= lineEnd ? "" : content.substring(lineEnd + 1, next);
            parts.add(part);
            pos = next < 0 ? -1 : next + 1;
        }
        return parts;
    }
}
