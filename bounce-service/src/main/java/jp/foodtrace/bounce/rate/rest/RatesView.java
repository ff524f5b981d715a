package jp.foodtrace.bounce.rate.rest;

import java.time.Instant;
import java.util.Locale;

import jp.foodtrace.bounce.rate.Rates;

/** The rates as the ops endpoint shows them; levels are {@code ok}, {@code warning} or {@code critical}. */
public record RatesView(Instant at, Window rolling, Window recentSends, Thresholds thresholds) {

    public record Window(Instant since, long sends, long hardBounces, long complaints, double bounceRate,
            double complaintRate, String bounceLevel, String complaintLevel) {

        static Window of(Rates.WindowFigures w) {
            return new Window(w.since(), w.sends(), w.hardBounces(), w.complaints(), w.bounceRate(), w.complaintRate(),
                    w.bounceLevel().name().toLowerCase(Locale.ROOT), w.complaintLevel().name().toLowerCase(Locale.ROOT));
        }
    }

    public record Thresholds(double bounceWarning, double bounceCritical, double complaintWarning,
            double complaintCritical) {
    }

    public static RatesView of(Rates rates) {
        Rates.Thresholds t = rates.thresholds();
        return new RatesView(rates.at(), Window.of(rates.rolling()), Window.of(rates.recent()),
                new Thresholds(t.bounceWarning(), t.bounceCritical(), t.complaintWarning(), t.complaintCritical()));
    }
}
