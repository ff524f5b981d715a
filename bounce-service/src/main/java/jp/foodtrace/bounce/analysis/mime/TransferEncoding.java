package jp.foodtrace.bounce.analysis.mime;

import java.nio.charset.StandardCharsets;

/** Content-Transfer-Encoding decoders that tolerate the damage real bounces carry. */
public final class TransferEncoding {
    private static final int[] BASE64 = new int[128];

    static {
        java.util.Arrays.fill(BASE64, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = i;
        }
    }

    private TransferEncoding() {
    }

    /** Base64, skipping anything outside the alphabet (line breaks, stray text) and stopping at '='. */
    public static byte[] base64(String text) {
        // six bits per character read: never more than this many bytes (no stream, no lock per byte)
        byte[] out = new byte[text.length() * 3 / 4 + 1];
        int len = 0;
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=') {
                // padding ends one chunk; concatenated chunks may follow
                bits = 0;
                buffer = 0;
                continue;
            }
            if (c >= 128 || BASE64[c] < 0) {
                continue;
            }
            buffer = (buffer << 6) | BASE64[c];
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[len++] = (byte) (buffer >> bits);
            }
        }
        return len == out.length ? out : java.util.Arrays.copyOf(out, len);
    }

    /** Quoted-printable; the input holds one char per byte (ISO-8859-1 view of the raw bytes). */
    public static byte[] quotedPrintable(String text) {
        int n = text.length();
        byte[] out = new byte[n];
        int len = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '=' && i + 1 < n) {
                char a = text.charAt(i + 1);
                if (a == '\n') {
                    i++;
                    continue;
                }
                if (a == '\r' && i + 2 < n && text.charAt(i + 2) == '\n') {
                    i += 2;
                    continue;
                }
                if (i + 2 < n) {
                    int hi = Character.digit(a, 16);
                    int lo = Character.digit(text.charAt(i + 2), 16);
                    if (hi >= 0 && lo >= 0) {
                        out[len++] = (byte) (hi * 16 + lo);
                        i += 2;
                        continue;
                    }
                }
            }
            if (c < 256) {
                out[len++] = (byte) c;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (len + b.length > out.length) {
                    out = java.util.Arrays.copyOf(out, out.length + b.length + 16);
                }
                System.arraycopy(b, 0, out, len, b.length);
                len += b.length;
            }
        }
        return len == out.length ? out : java.util.Arrays.copyOf(out, len);
    }
}
