package jp.foodtrace.bounce.rate.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jp.foodtrace.bounce.config.BounceConfig;
import jp.foodtrace.bounce.rate.Rates;
import jp.foodtrace.bounce.rate.Rates.WindowFigures;
import jp.foodtrace.bounce.rate.repository.RateRepository;
import jp.foodtrace.bounce.rate.service.RateLevels.Change;
import jp.foodtrace.bounce.rate.service.RateLevels.Level;

/**
 * Watches the bounce and complaint rates that get an SES account reviewed or paused, in two
 * windows: the rolling window (24 h by default, what SES's dashboard shows) and the last N sends
 * (so a small sending volume still gives a meaningful figure, and a burst of bounces after a big
 * campaign shows before the 24 h window catches up). Recomputed on a schedule and on each ops
 * request; the gauges show the last computation; a level crossed in either direction is logged
 * once (WARN for warning, ERROR for critical, INFO when a rate falls back).
 */
@ApplicationScoped
public class RateWatch {

    public static final String ROLLING = "rolling";
    public static final String RECENT = "recent-sends";

    private static final Logger LOG = Logger.getLogger(RateWatch.class);

    private final RateRepository repository;
    private final BounceConfig.Rates config;
    private final MeterRegistry meters;
    private final RateLevels levels = new RateLevels();
    private final Clock clock = Clock.systemUTC();
    private volatile Rates last;

    public RateWatch(RateRepository repository, BounceConfig config, MeterRegistry meters) {
        this.repository = repository;
        this.config = config.rates();
        this.meters = meters;
        Instant now = clock.instant();
        WindowFigures empty = figures(ROLLING, now, new RateRepository.Counts(0, 0, 0));
        this.last = new Rates(now, empty, figures(RECENT, now, new RateRepository.Counts(0, 0, 0)), thresholds());
    }

    void registerGauges(@Observes StartupEvent start) {
        Gauge.builder("suite.bounce-service.bounce.rate", this, w -> w.last.rolling().bounceRate())
                .description("Hard bounces per send over the rolling window (default 24 h), as SES counts it")
                .register(meters);
        Gauge.builder("suite.bounce-service.complaint.rate", this, w -> w.last.rolling().complaintRate())
                .description("Complaints per send over the rolling window (default 24 h)")
                .register(meters);
        Gauge.builder("suite.bounce-service.recent.bounce.rate", this, w -> w.last.recent().bounceRate())
                .description("Hard bounces per send since the oldest of the last N sends")
                .register(meters);
        Gauge.builder("suite.bounce-service.recent.complaint.rate", this, w -> w.last.recent().complaintRate())
                .description("Complaints per send since the oldest of the last N sends")
                .register(meters);
    }

    @Scheduled(identity = "bounce-rates", every = "${suite.bounce.rates.refresh}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("rates could not be computed; the gauges keep their last values", e);
        }
    }

    /** Computes both windows now, updates the gauges and logs level changes. */
    public synchronized Rates refresh() {
        Instant now = clock.instant();
        Instant rollingStart = now.minus(config.window());
        WindowFigures rolling = figures(ROLLING, rollingStart, repository.countsSince(rollingStart));
        WindowFigures recent = repository.startOfLastSends(config.recentSends())
                .map(since -> figures(RECENT, since, repository.countsSince(since)))
                .orElse(figures(RECENT, now, new RateRepository.Counts(0, 0, 0)));
        Rates rates = new Rates(now, rolling, recent, thresholds());
        for (WindowFigures w : new WindowFigures[] { rolling, recent }) {
            levels.update(w.window(), "bounce", w.bounceLevel(), w.bounceRate()).forEach(c -> log(c, w));
            levels.update(w.window(), "complaint", w.complaintLevel(), w.complaintRate()).forEach(c -> log(c, w));
        }
        last = rates;
        return rates;
    }

    public Rates last() {
        return last;
    }

    private WindowFigures figures(String window, Instant since, RateRepository.Counts counts) {
        double bounce = RateLevels.ratio(counts.hardBounces(), counts.sends());
        double complaint = RateLevels.ratio(counts.complaints(), counts.sends());
        return new WindowFigures(window, since, counts.sends(), counts.hardBounces(), counts.complaints(), bounce,
                complaint, RateLevels.levelOf(bounce, config.bounceWarning(), config.bounceCritical()),
                RateLevels.levelOf(complaint, config.complaintWarning(), config.complaintCritical()));
    }

    private Rates.Thresholds thresholds() {
        return new Rates.Thresholds(config.bounceWarning(), config.bounceCritical(), config.complaintWarning(),
                config.complaintCritical());
    }

    private static void log(Change change, WindowFigures w) {
        String text = String.format("%s rate %s: %.4f%% over the %s window (%d sends, %d hard bounces, %d complaints)",
                change.rate(), change.to(), change.value() * 100, change.window(), w.sends(), w.hardBounces(),
                w.complaints());
        if (!change.rising()) {
            LOG.info(text + ", down from " + change.from());
        } else if (change.to() == Level.CRITICAL) {
            LOG.error(text);
        } else {
            LOG.warn(text);
        }
    }
}
