package jp.foodtrace.sync.epcis;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lot-level EPC class (an LGTIN: GTIN + batch/lot) read from the forms EPCIS data uses, so that
 * a supplier's captured events meet the suite's lots by lot number:
 * <ul>
 * <li>EPC URN {@code urn:epc:class:lgtin:4012345.011111.LOT} (the GTIN cannot be rebuilt without
 * the check digit rule, which is done here, but the company prefix split is kept as written);</li>
 * <li>GS1 Digital Link {@code https://<any resolver>/01/<GTIN-14>/10/<LOT>};</li>
 * <li>the suite's own {@code https://id.foodtrace.jp/lot/<LOT>} for lots whose item is not known.</li>
 * </ul>
 * The item code is the JAN (GTIN-13, or GTIN-8) when the GTIN-14 starts with zeros, as the item
 * master keeps it.
 */
public record LotClass(String lotNumber, String itemCode) {

    public static final String SUITE_LOT = "https://id.foodtrace.jp/lot/";

    private static final Pattern URN = Pattern.compile("urn:epc:class:lgtin:(\\d+)\\.(\\d+)\\.(.+)");
    private static final Pattern DIGITAL_LINK = Pattern.compile("https?://[^/]+(?:/.*)?/01/(\\d{14})/10/([^/?#]+).*");

    public static Optional<LotClass> parse(String epcClass) {
        if (epcClass == null) {
            return Optional.empty();
        }
        Matcher urn = URN.matcher(epcClass);
        if (urn.matches()) {
            String prefix = urn.group(1);
            String indicatorAndRef = urn.group(2);
            if (prefix.length() + indicatorAndRef.length() != 13) {
                return Optional.empty();
            }
            String twelve = indicatorAndRef.charAt(0) + prefix + indicatorAndRef.substring(1);
            String gtin14 = twelve + checkDigit(twelve);
            return Optional.of(new LotClass(decode(urn.group(3)), itemCode(gtin14)));
        }
        Matcher dl = DIGITAL_LINK.matcher(epcClass);
        if (dl.matches()) {
            return Optional.of(new LotClass(decode(dl.group(2)), itemCode(dl.group(1))));
        }
        if (epcClass.startsWith(SUITE_LOT) && epcClass.length() > SUITE_LOT.length()) {
            return Optional.of(new LotClass(decode(epcClass.substring(SUITE_LOT.length())), null));
        }
        return Optional.empty();
    }

    /** GTIN-14 to the item code the suite keeps: GTIN-13 (JAN) or GTIN-8 when the leading digits are zero. */
    static String itemCode(String gtin14) {
        if (gtin14.startsWith("000000")) {
            return gtin14.substring(6);
        }
        return gtin14.startsWith("0") ? gtin14.substring(1) : gtin14;
    }

    /** GS1 mod-10 check digit over 13 digits (weights 3,1,3,... from the left for a GTIN-14). */
    static int checkDigit(String thirteen) {
        int sum = 0;
        for (int i = 0; i < thirteen.length(); i++) {
            int d = thirteen.charAt(i) - '0';
            sum += (i % 2 == 0) ? d * 3 : d;
        }
        return (10 - sum % 10) % 10;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
