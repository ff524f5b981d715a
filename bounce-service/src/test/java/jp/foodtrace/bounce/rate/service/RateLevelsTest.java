package jp.foodtrace.bounce.rate.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import jp.foodtrace.bounce.rate.service.RateLevels.Change;
import jp.foodtrace.bounce.rate.service.RateLevels.Level;

class RateLevelsTest {

    @Test
    void ratioIsZeroWithoutSendsAndNeverAboveOne() {
        assertEquals(0.0, RateLevels.ratio(3, 0));
        assertEquals(0.25, RateLevels.ratio(1, 4));
        assertEquals(1.0, RateLevels.ratio(5, 2));
    }

    @Test
    void levelsStartAtTheirThresholds() {
        assertEquals(Level.OK, RateLevels.levelOf(0.0499, 0.05, 0.10));
        assertEquals(Level.WARNING, RateLevels.levelOf(0.05, 0.05, 0.10));
        assertEquals(Level.CRITICAL, RateLevels.levelOf(0.10, 0.05, 0.10));
        assertEquals(Level.WARNING, RateLevels.levelOf(0.001, 0.001, 0.005));
    }

    @Test
    void levelChangeIsReportedOnceInEachDirection() {
        RateLevels levels = new RateLevels();
        assertTrue(levels.update("rolling", "bounce", Level.OK, 0.01).isEmpty());
        List<Change> up = levels.update("rolling", "bounce", Level.CRITICAL, 0.2);
        assertEquals(1, up.size());
        assertTrue(up.get(0).rising());
        assertEquals(Level.OK, up.get(0).from());
        assertTrue(levels.update("rolling", "bounce", Level.CRITICAL, 0.21).isEmpty(), "still critical: no repeat");
        // Other rates and windows are tracked apart.
        assertEquals(1, levels.update("recent-sends", "bounce", Level.WARNING, 0.06).size());
        List<Change> down = levels.update("rolling", "bounce", Level.WARNING, 0.07);
        assertFalse(down.get(0).rising());
        assertEquals(Level.CRITICAL, down.get(0).from());
    }
}
