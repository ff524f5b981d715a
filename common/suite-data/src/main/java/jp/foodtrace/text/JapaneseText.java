package jp.foodtrace.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The two encodings the suite speaks: UTF-8 and Shift_JIS, where Shift_JIS always means
 * Windows-31J (MS932), the variant that handhelds, Excel and HQ's batch jobs really write: its NEC
 * and IBM extensions (①, ㈱, 髙, ⅰ) do not exist in the JDK's strict {@code Shift_JIS}. Decoding
 * and encoding are strict: a malformed byte sequence or a character without a code is an error
 * naming its line, never a silent U+FFFD or {@code ?}.
 */
public final class JapaneseText {

    public static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    private JapaneseText() {
    }

    /**
     * The charset a media type's {@code charset} parameter names: UTF-8 when none, Windows-31J for
     * any name of Shift_JIS, empty for anything else.
     */
    public static Optional<Charset> charset(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        String n = name.strip().replace("\"", "").toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (n) {
            case "utf_8", "utf8" -> Optional.of(StandardCharsets.UTF_8);
            case "shift_jis", "sjis", "shift_jis_2004", "x_sjis", "ms932", "cp932", "windows_31j", "csshiftjis",
                    "cswindows31j" -> Optional.of(WINDOWS_31J);
            default -> Optional.empty();
        };
    }

    /** The IANA name to put into a Content-Type: {@code Shift_JIS} for Windows-31J, as clients expect. */
    public static String mimeName(Charset charset) {
        return WINDOWS_31J.equals(charset) ? "Shift_JIS" : charset.name();
    }

    /** Decodes strictly; a byte order mark at the start of UTF-8 text is dropped. */
    public static String decode(byte[] bytes, Charset charset) {
        Charset cs = normalizeCharset(charset);
        CharsetDecoder decoder = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) (bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            throw new MalformedTextException(lineAt(bytes, at), String.format(
                    "byte sequence not valid %s at byte %d (0x%s)", mimeName(cs), at, hex(bytes, at, result.length())));
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Encodes strictly: a character the charset cannot represent is an error naming it and its line. */
    public static byte[] encode(String text, Charset charset) {
        Charset cs = normalizeCharset(charset);
        CharsetEncoder encoder = cs.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer bytes = encoder.encode(CharBuffer.wrap(text));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (CharacterCodingException e) {
            int at = firstUnencodable(text, cs.newEncoder());
            int cp = text.codePointAt(at);
            throw new MalformedTextException(lineAt(text, at), String.format(
                    "character %s (U+%04X) has no code in %s", new String(Character.toChars(cp)), cp, mimeName(cs)));
        }
    }

    private static Charset normalizeCharset(Charset charset) {
        return charset.name().equalsIgnoreCase("Shift_JIS") ? WINDOWS_31J : charset;
    }

    private static int firstUnencodable(String text, CharsetEncoder encoder) {
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            if (!encoder.canEncode(text.substring(i, i + Character.charCount(text.codePointAt(i))))) {
                return i;
            }
        }
        return 0;
    }

    private static int lineAt(byte[] bytes, int position) {
        int line = 1;
        for (int i = 0; i < position && i < bytes.length; i++) {
            // 0x0A is never a trail byte in Shift_JIS or UTF-8, so counting it is safe
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineAt(String text, int position) {
        int line = 1;
        for (int i = 0; i < position; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String hex(byte[] bytes, int from, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < Math.min(bytes.length, from + Math.max(1, length)); i++) {
            s.append(String.format("%02X", bytes[i] & 0xff));
        }
        return s.toString();
    }
}
