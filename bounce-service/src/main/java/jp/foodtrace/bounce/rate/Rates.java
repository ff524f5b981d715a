package jp.foodtrace.bounce.rate;

import java.time.Instant;

import jp.foodtrace.bounce.rate.service.RateLevels.Level;

/**
 * The bounce and complaint rates at one moment, in the rolling window and the recent-sends window.
 */
public record Rates(Instant at, WindowFigures rolling, WindowFigures recent, Thresholds thresholds) {

    /** Counts and rates of one window, which starts at {@code since} and ends now. */
    public record WindowFigures(String window, Instant since, long sends, long hardBounces, long complaints,
            double bounceRate, double complaintRate, Level bounceLevel, Level complaintLevel) {
    }

    /** The configured levels, as ratios. */
    public record Thresholds(double bounceWarning, double bounceCritical, double complaintWarning,
            double complaintCritical) {
    }
}
