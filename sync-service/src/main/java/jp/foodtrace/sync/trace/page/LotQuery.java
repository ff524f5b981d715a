package jp.foodtrace.sync.trace.page;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.text.Codes;

/**
 * What a member typed or scanned into the trace page: a plain lot number, or a GTIN with a lot as
 * GS1 writes it on a label. Three GS1 forms are understood, because they are what a phone's
 * scanner app hands over: the human-readable element string {@code (01)04901234567894(10)LOT-7},
 * the raw string a scanner emits ({@code 0104901234567894} {@code 10LOT-7}, variable-length fields
 * ended by the GS character or the end), and a GS1 Digital Link URI
 * ({@code https://id.gs1.org/01/04901234567894/10/LOT-7}, any host, lot percent-encoded).
 *
 * <p>The GTIN keeps its 14 digits as GS1 carries them; {@link #itemCode()} gives the JAN
 * (GTIN-13 or GTIN-8) that HQ's lots use, so that the page can say when a lot belongs to another
 * product instead of showing a stranger's genealogy.
 */
public record LotQuery(String lotNumber, Optional<String> gtin) {

    /** Characters GS1 allows in AI (10); longer than 20 is not a lot of a GS1 label. */
    private static final int MAX_GS1_LOT = 20;
    private static final int MAX_LOT = 64;
    private static final char GS = '\u001d';
    private static final Pattern ELEMENT_STRING = Pattern.compile("^\\(01\\)(\\d{14})(.*)$");
    private static final Pattern DIGITAL_LINK_PATH = Pattern.compile("(?:^|/)01/(\\d{14})/10/([^/?#]+)");

    /** Why an input is not a lot query; the key is a message of the page's bundle. */
    public static final class Invalid extends RuntimeException {
        private final String key;

        Invalid(String key, String detail) {
            super(detail);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** The JAN of the GTIN: GTIN-14 without its leading zeros down to 13 (or 8) digits. */
    public Optional<String> itemCode() {
        return gtin.map(g -> g.startsWith("000000") ? g.substring(6) : g.startsWith("0") ? g.substring(1) : g);
    }

    public static LotQuery parse(String input) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            throw new Invalid("errorEmpty", "enter a lot number or scan a GS1 code");
        }
        if (text.regionMatches(true, 0, "http://", 0, 7) || text.regionMatches(true, 0, "https://", 0, 8)) {
            return digitalLink(text);
        }
        String code = Codes.normalize(text);
        Matcher element = ELEMENT_STRING.matcher(code);
        if (element.matches()) {
            return withGtin(element.group(1), elementLot(element.group(2)));
        }
        if (code.length() > 16 && code.startsWith("01") && code.substring(2, 16).chars().allMatch(Character::isDigit)
                && (code.startsWith("10", 16) || code.charAt(16) == GS)) {
            return withGtin(code.substring(2, 16), rawLot(code.substring(16)));
        }
        return new LotQuery(plainLot(code), Optional.empty());
    }

    private static LotQuery digitalLink(String text) {
        String path;
        try {
            path = new URI(text).getRawPath();
        } catch (URISyntaxException e) {
            throw new Invalid("errorLink", "not a valid URI: " + e.getReason());
        }
        Matcher m = DIGITAL_LINK_PATH.matcher(path == null ? "" : path);
        if (!m.find()) {
            throw new Invalid("errorLink", "a GS1 Digital Link must carry /01/<GTIN-14>/10/<lot>");
        }
        return withGtin(m.group(1), gs1Lot(URLDecoder.decode(m.group(2).replace("+", "%2B"), StandardCharsets.UTF_8)));
    }

    /** After {@code (01)<gtin>}: {@code (10)<lot>}, possibly followed by other AIs in parentheses. */
    private static String elementLot(String rest) {
        Matcher m = Pattern.compile("\\(10\\)([^(]+)").matcher(rest);
        if (!m.find()) {
            throw new Invalid("errorNoLot", "the GS1 code has no lot (AI 10)");
        }
        return gs1Lot(m.group(1));
    }

    /** After {@code 01<gtin>} in a raw scan: AI 10 up to the GS separator or the end. */
    private static String rawLot(String rest) {
        String fields = rest.charAt(0) == GS ? rest.substring(1) : rest;
        if (!fields.startsWith("10")) {
            throw new Invalid("errorNoLot", "the GS1 code has no lot (AI 10)");
        }
        int end = fields.indexOf(GS);
        return gs1Lot(end < 0 ? fields.substring(2) : fields.substring(2, end));
    }

    private static String gs1Lot(String lot) {
        String value = Codes.normalize(lot);
        if (value.isEmpty() || value.length() > MAX_GS1_LOT) {
            throw new Invalid("errorNoLot", "a GS1 lot (AI 10) has 1 to " + MAX_GS1_LOT + " characters");
        }
        return value;
    }

    private static String plainLot(String text) {
        if (text.length() > MAX_LOT || text.chars().anyMatch(Character::isISOControl)) {
            throw new Invalid("errorLot", "a lot number has at most " + MAX_LOT + " printable characters");
        }
        return text;
    }

    private static LotQuery withGtin(String gtin14, String lot) {
        if (!checkDigitValid(gtin14)) {
            throw new Invalid("errorGtin", "GTIN " + gtin14 + " has a wrong check digit");
        }
        return new LotQuery(lot, Optional.of(gtin14));
    }

    /** GS1 modulo-10 over 14 digits: weights 3,1,3,... from the digit next to the check digit. */
    static boolean checkDigitValid(String gtin14) {
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (gtin14.charAt(i) - '0') * (i % 2 == 0 ? 3 : 1);
        }
        return (10 - sum % 10) % 10 == gtin14.charAt(13) - '0';
    }
}
