package jp.foodtrace.gateway.fleet.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class FleetStatusTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** 08:30 in Tokyo. */
    private static final Instant NOW = Instant.parse("2030-01-10T23:30:00Z");
    private static final Instant EARLIER_TODAY = Instant.parse("2030-01-10T22:00:00Z");
    private static final Instant YESTERDAY = Instant.parse("2030-01-10T10:00:00Z");

    @Test
    void aTerminalNotHeardFromTodayIsSilentUntilItsStoresCutOff() {
        FleetStatus status = FleetStatus.of(List.of(
                new FleetStatus.Row("T1", LocalTime.of(9, 0), EARLIER_TODAY),
                new FleetStatus.Row("T2", LocalTime.of(9, 0), YESTERDAY),
                new FleetStatus.Row("T3", LocalTime.of(10, 0), null),
                new FleetStatus.Row("T4", LocalTime.of(8, 0), null)), NOW, TOKYO);
        assertEquals(4, status.expected());
        assertEquals(1, status.seen());
        // T4's store closed its orders at 08:00: it missed the day and is not "silent before cut-off".
        assertEquals(2, status.silent());
        assertEquals(1800, status.cutOffSeconds(), "09:00 is the earliest cut-off of a store with a silent terminal");
    }

    @Test
    void withoutSilentTerminalsTheNextCutOffOfAnyStoreCounts() {
        FleetStatus status = FleetStatus.of(List.of(
                new FleetStatus.Row("T1", LocalTime.of(10, 0), EARLIER_TODAY),
                new FleetStatus.Row("T2", LocalTime.of(9, 15), EARLIER_TODAY)), NOW, TOKYO);
        assertEquals(0, status.silent());
        assertEquals(2700, status.cutOffSeconds());
    }

    @Test
    void afterTheLastCutOffTheSecondsAreNegative() {
        FleetStatus status = FleetStatus.of(List.of(
                new FleetStatus.Row("T1", LocalTime.of(7, 0), null),
                new FleetStatus.Row("T2", LocalTime.of(8, 0), null)), NOW, TOKYO);
        assertEquals(0, status.silent());
        assertEquals(-1800, status.cutOffSeconds());
    }

    @Test
    void terminalsOfAStoreWithoutMasterDataAreNotExpected() {
        FleetStatus status = FleetStatus.of(List.of(new FleetStatus.Row("T1", null, null)), NOW, TOKYO);
        assertEquals(0, status.expected());
        assertTrue(Double.isNaN(status.cutOffSeconds()));
    }
}
