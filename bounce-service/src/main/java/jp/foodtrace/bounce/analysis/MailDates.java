package jp.foodtrace.bounce.analysis;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lenient RFC 5322 date parsing: real bounces carry dates without weekday, seconds or zone. */
final class MailDates {
    private static final Pattern DATE = Pattern.compile(
            "(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\s+(\\d{2,4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s+([+-]\\d{4}|[A-Z]{1,5}))?");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Map<String, String> ZONES = Map.of(
            "UT", "+0000", "GMT", "+0000", "UTC", "+0000", "JST", "+0900", "EST", "-0500",
            "EDT", "-0400", "CST", "-0600", "CDT", "-0500", "PST", "-0800", "PDT", "-0700");

    private MailDates() {
    }

    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = DATE.matcher(Deadline.guard(text));
        if (!m.find()) {
            return null;
        }
        Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
        if (month == null) {
            return null;
        }
        try {
            int year = Integer.parseInt(m.group(3));
            if (year < 100) {
                year += year < 50 ? 2000 : 1900;
            }
            LocalDateTime local = LocalDateTime.of(year, month, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            String zone = m.group(7) == null ? "+0000" : ZONES.getOrDefault(m.group(7), m.group(7));
            if (!isOffset(zone)) {
                zone = "+0000";
            }
            return local.toInstant(ZoneOffset.of(zone.substring(0, 3) + ":" + zone.substring(3)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code [+-]\d{4}} without compiling that pattern for every date read. */
    private static boolean isOffset(String zone) {
        if (zone.length() != 5 || (zone.charAt(0) != '+' && zone.charAt(0) != '-')) {
            return false;
        }
        for (int i = 1; i < 5; i++) {
            if (zone.charAt(i) < '0' || zone.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
