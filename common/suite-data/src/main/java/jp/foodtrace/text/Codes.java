package jp.foodtrace.text;

import java.text.Normalizer;

/**
 * Codes, quantities and units as people type them on Japanese keyboards: full-width digits and
 * letters ({@code １２}, {@code ＣＳ}) and ideographic spaces are their ASCII forms after Unicode
 * NFKC normalisation. Only for identifiers and numbers: names keep what was written (NFKC would
 * turn half-width katakana and circled digits in a product name into other characters).
 */
public final class Codes {

    private Codes() {
    }

    /** NFKC, then stripped of surrounding white space; null stays null. */
    public static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String ascii = isPlainAscii(value) ? value : Normalizer.normalize(value, Normalizer.Form.NFKC);
        return ascii.strip();
    }

    /**
     * A whole number written in any width ({@code ３}, {@code 3}, {@code +3}); empty text, other
     * characters or a value beyond int are a {@link NumberFormatException} with the text in it.
     */
    public static int parseInt(String value) {
        String normalized = normalize(value);
        if (normalized == null || normalized.isEmpty()) {
            throw new NumberFormatException("empty number");
        }
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            boolean sign = i == 0 && (c == '+' || c == '-') && normalized.length() > 1;
            if (!sign && (c < '0' || c > '9')) {
                throw new NumberFormatException("not a whole number: " + value);
            }
        }
        return Integer.parseInt(normalized);
    }

    private static boolean isPlainAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
