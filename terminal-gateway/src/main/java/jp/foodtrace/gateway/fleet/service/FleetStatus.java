package jp.foodtrace.gateway.fleet.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Today's terminal fleet as the on-call team watches it before the order cut-offs, computed from
 * the terminal registry and the store master's cut-off times (pure, so that it is tested without a
 * database).
 *
 * <ul>
 * <li>expected: terminals of a store whose master data the gateway has (with a cut-off time): they
 * order every day; a terminal of an unknown store cannot order at all.</li>
 * <li>seen: of those, the terminals heard from (order or heartbeat) since midnight in the zone.</li>
 * <li>silent: of those not seen, the ones whose store's cut-off today is still ahead: the store can
 * still be called. After its cut-off a silent terminal has missed the day and no longer counts.</li>
 * <li>cutOffSeconds: seconds until the cut-off that matters next: the earliest cut-off ahead of a
 * store with a silent terminal; without one, the earliest cut-off ahead of any store; once all
 * are past, negative (seconds since the last one); {@code NaN} without any store.</li>
 * </ul>
 */
public record FleetStatus(int expected, int seen, int silent, double cutOffSeconds) {

    /** A registered terminal with its store's cut-off time (null when the store is unknown). */
    public record Row(String terminalId, LocalTime cutOff, Instant lastSeenAt) {
    }

    public static FleetStatus of(List<Row> terminals, Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        Instant midnight = local.toLocalDate().atStartOfDay(zone).toInstant();
        int expected = 0;
        int seen = 0;
        int silent = 0;
        Long silentNext = null;
        Long anyNext = null;
        Long lastPast = null;
        for (Row terminal : terminals) {
            if (terminal.cutOff() == null) {
                continue;
            }
            expected++;
            long toCutOff = Duration.between(now, local.toLocalDate().atTime(terminal.cutOff()).atZone(zone)).toSeconds();
            if (toCutOff > 0) {
                anyNext = anyNext == null ? toCutOff : Math.min(anyNext, toCutOff);
            } else {
                lastPast = lastPast == null ? toCutOff : Math.max(lastPast, toCutOff);
            }
            if (terminal.lastSeenAt() != null && !terminal.lastSeenAt().isBefore(midnight)) {
                seen++;
            } else if (toCutOff > 0) {
                silent++;
                silentNext = silentNext == null ? toCutOff : Math.min(silentNext, toCutOff);
            }
        }
        Long cutOff = silentNext != null ? silentNext : anyNext != null ? anyNext : lastPast;
        return new FleetStatus(expected, seen, silent, cutOff == null ? Double.NaN : cutOff);
    }
}
