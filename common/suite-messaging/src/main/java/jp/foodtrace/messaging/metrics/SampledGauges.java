package jp.foodtrace.messaging.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * Gauges whose value needs a query (a table count, the broker's offsets): sampled on one
 * background thread every {@code suite.metrics.sample-interval} and read from memory when
 * Prometheus scrapes, so that a scrape never waits for the database or the broker and never adds
 * work to a request path. A failed sample keeps the last value and is logged once per change of
 * the reason.
 */
@ApplicationScoped
public class SampledGauges {

    private static final Logger LOG = Logger.getLogger(SampledGauges.class);

    private final MeterRegistry meters;
    private final Duration interval;
    private final List<Runnable> samplers = new ArrayList<>();
    private ScheduledExecutorService thread;

    @Inject
    public SampledGauges(MeterRegistry meters,
            @ConfigProperty(name = "suite.metrics.sample-interval", defaultValue = "15s") Duration interval) {
        this.meters = meters;
        this.interval = interval;
    }

    /** One gauge without tags of its own; NaN until the first sample. */
    public void gauge(String name, String description, Supplier<? extends Number> sample) {
        AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
        Gauge.builder(name, value, AtomicReference::get).description(description).register(meters);
        add(name, () -> value.set(sample.get().doubleValue()));
    }

    /** One gauge per tag set; a tag set missing from the latest sample disappears. */
    public void rows(String name, String description, Supplier<Map<Tags, ? extends Number>> sample) {
        MultiGauge gauge = MultiGauge.builder(name).description(description).register(meters);
        add(name, () -> gauge.register(sample.get().entrySet().stream()
                .map(e -> MultiGauge.Row.of(e.getKey(), e.getValue()))
                .toList(), true));
    }

    private synchronized void add(String name, Runnable sampler) {
        Runnable guarded = new Runnable() {
            private String lastFailure;

            @Override
            public void run() {
                try {
                    sampler.run();
                    lastFailure = null;
                } catch (RuntimeException e) {
                    String reason = String.valueOf(e.getMessage());
                    if (!reason.equals(lastFailure)) {
                        LOG.warnf("metric %s not sampled, keeps its last value: %s", name, reason);
                    }
                    lastFailure = reason;
                }
            }
        };
        samplers.add(guarded);
        if (thread == null) {
            thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sampled-gauges");
                t.setDaemon(true);
                return t;
            });
        }
        thread.scheduleWithFixedDelay(guarded, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    synchronized void stop() {
        if (thread != null) {
            thread.shutdownNow();
        }
    }
}
