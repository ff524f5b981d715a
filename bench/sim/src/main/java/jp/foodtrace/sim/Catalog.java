package jp.foodtrace.sim;

import java.util.ArrayList;
import java.util.List;

/** The simulated product catalogue: valid JAN-13 codes 45xxxxxxxxxx + check digit. */
public final class Catalog {

    private Catalog() {
    }

    public static List<String> items(int count) {
        List<String> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(jan(String.format("45%010d", 1_000_000 + i)));
        }
        return items;
    }

    /** Appends the GTIN-13 check digit to 12 digits. */
    public static String jan(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelveDigits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return twelveDigits + (10 - sum % 10) % 10;
    }
}
