package jp.foodtrace.bounce.analysis.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Charset lookup and decoding. Japanese mail often declares a charset its bytes do not follow,
 * or none, so undeclared text is sniffed: an ISO-2022-JP escape wins, then strict UTF-8, then
 * Shift_JIS/EUC-JP are left to the declaration and everything else is read as Latin-1.
 */
public final class Charsets {
    /**
     * The Japanese charsets live in the extended charset provider, whose look-up is a noticeable
     * part of a one-message run; held here so that only messages that need them pay for it.
     */
    private static final class Japanese {
        static final Charset ISO_2022_JP = Charset.forName("ISO-2022-JP");
        static final Charset SHIFT_JIS = Charset.forName("windows-31j");
    }

    /** Charset.forName is a registry lookup; mail names few charsets, so remember them. */
    private static final Map<String, Optional<Charset>> KNOWN = new ConcurrentHashMap<>();

    private Charsets() {
    }

    private static Optional<Charset> lookup(String name) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The charset for a MIME name, null when Java does not know it. */
    public static Charset forName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.trim().replace("\"", "").toLowerCase(Locale.ROOT);
        switch (n) {
            case "shift_jis", "shift-jis", "sjis", "x-sjis", "cp932", "ms932", "windows-31j" -> {
                // the Microsoft superset: real mail uses its extra characters under the old name
                return Japanese.SHIFT_JIS;
            }
            case "iso-2022-jp", "iso-2022-jp-2", "iso-2022-jp-3", "jis" -> {
                return Japanese.ISO_2022_JP;
            }
            case "unicode-1-1-utf-7", "utf-7" -> {
                return StandardCharsets.US_ASCII;
            }
            default -> {
                return KNOWN.computeIfAbsent(n, Charsets::lookup).orElse(null);
            }
        }
    }

    /** Decodes text bytes; a null or unusable charset means "sniff". */
    public static String decode(byte[] bytes, Charset declared) {
        if (hasIso2022Escape(bytes)) {
            return new String(bytes, Japanese.ISO_2022_JP);
        }
        if (declared != null && declared != StandardCharsets.US_ASCII) {
            return new String(bytes, declared);
        }
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasIso2022Escape(byte[] bytes) {
        for (int i = 0; i + 2 < bytes.length; i++) {
            if (bytes[i] == 0x1b && bytes[i + 1] == '$' && (bytes[i + 2] == 'B' || bytes[i + 2] == '@')) {
                return true;
            }
        }
        return false;
    }
}
