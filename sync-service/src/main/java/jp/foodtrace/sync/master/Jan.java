package jp.foodtrace.sync.master;

/** JAN codes (GTIN-13 or GTIN-8) with their check digit. */
public final class Jan {

    private Jan() {
    }

    public static boolean valid(String code) {
        if (code == null || !(code.length() == 13 || code.length() == 8) || !code.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        int n = code.length();
        for (int i = 0; i < n - 1; i++) {
            int digit = code.charAt(i) - '0';
            // weights 3,1,3,... counted from the digit next to the check digit
            sum += ((n - 1 - i) % 2 == 1) ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10 == code.charAt(n - 1) - '0';
    }
}
