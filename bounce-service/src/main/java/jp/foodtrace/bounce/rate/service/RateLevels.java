package jp.foodtrace.bounce.rate.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of the rate watch, free of I/O: a ratio from counts, its level against the
 * warning and critical thresholds, and the level changes since the previous evaluation (which
 * are what gets logged, so a rate that stays high is reported once, not every refresh).
 */
public final class RateLevels {

    /** How a rate stands against its thresholds. */
    public enum Level {
        OK,
        WARNING,
        CRITICAL
    }

    /** A level change of one rate ({@code bounce} or {@code complaint}) in one window. */
    public record Change(String window, String rate, Level from, Level to, double value) {

        public boolean rising() {
            return to.compareTo(from) > 0;
        }
    }

    private final Map<String, Level> previous = new HashMap<>();

    /** Bounced (or complained) per send, 0 without sends, at most 1 (bounces of earlier sends can outnumber the sends of a window). */
    public static double ratio(long events, long sends) {
        if (sends <= 0) {
            return 0.0;
        }
        return Math.min(1.0, (double) events / sends);
    }

    public static Level levelOf(double rate, double warning, double critical) {
        if (rate >= critical) {
            return Level.CRITICAL;
        }
        return rate >= warning ? Level.WARNING : Level.OK;
    }

    /** Records the current level of one rate; returns the change, if the level moved. */
    public synchronized List<Change> update(String window, String rate, Level now, double value) {
        Level before = previous.getOrDefault(window + "/" + rate, Level.OK);
        previous.put(window + "/" + rate, now);
        List<Change> changes = new ArrayList<>(1);
        if (before != now) {
            changes.add(new Change(window, rate, before, now, value));
        }
        return changes;
    }
}
