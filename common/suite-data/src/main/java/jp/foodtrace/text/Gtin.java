package jp.foodtrace.text;

import java.util.Optional;

/**
 * JAN codes, the GTINs of Japanese retail: GTIN-13 (standard JAN) and GTIN-8 (short JAN), each
 * ending in a modulo-10 check digit with weights 3,1,3,... counted from the digit next to it.
 * One rule for every service, so that a product HQ may register is a product a terminal may order.
 * Input is normalised as a code ({@link Codes#normalize}): full-width digits are their ASCII forms.
 */
public final class Gtin {

    private Gtin() {
    }

    /** The code in ASCII digits when it is a valid GTIN-13 or GTIN-8, else empty. */
    public static Optional<String> parse(String code) {
        String normalized = Codes.normalize(code);
        return isValidAscii(normalized) ? Optional.of(normalized) : Optional.empty();
    }

    /** Whether the code, after normalisation, is a valid GTIN-13 or GTIN-8. */
    public static boolean isValid(String code) {
        return parse(code).isPresent();
    }

    private static boolean isValidAscii(String code) {
        if (code == null || (code.length() != 13 && code.length() != 8)) {
            return false;
        }
        int n = code.length();
        int sum = 0;
        for (int i = 0; i < n; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            if (i < n - 1) {
                sum += (c - '0') * ((n - 1 - i) % 2 == 1 ? 3 : 1);
            }
        }
        return (10 - sum % 10) % 10 == code.charAt(n - 1) - '0';
    }
}
