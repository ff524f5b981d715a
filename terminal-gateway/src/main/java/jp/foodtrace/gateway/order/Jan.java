package jp.foodtrace.gateway.order;

/** JAN / GTIN-13 item codes: 13 digits, the last a modulo-10 check digit (weights 1,3,1,3,...). */
public final class Jan {

    private Jan() {
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 13) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            if (i < 12) {
                sum += (c - '0') * (i % 2 == 0 ? 1 : 3);
            }
        }
        return (10 - sum % 10) % 10 == code.charAt(12) - '0';
    }
}
