package jp.foodtrace.messaging.metrics;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * The Micrometer conventions every service shares (Quarkus applies {@link MeterFilter} beans to
 * every registry): the service as a common tag {@code service} on every meter, so that rules and
 * dashboards select a service by label wherever the metric is scraped from; and percentile
 * histograms ({@code _bucket} series) for the latency timers that dashboards read quantiles from,
 * the HTTP server requests and the timers listed in {@link #HISTOGRAMS}.
 */
@Singleton
public class SuiteMeterFilters {

    /** Timers published as histograms besides {@code http.server.requests}. */
    static final Set<String> HISTOGRAMS = Set.of("http.server.requests", "suite.order.latency");

    @Produces
    @Singleton
    MeterFilter serviceTag(@ConfigProperty(name = "quarkus.application.name") String service) {
        return MeterFilter.commonTags(Tags.of("service", service));
    }

    @Produces
    @Singleton
    MeterFilter latencyHistograms() {
        return histograms();
    }

    /**
     * Buckets from 1 ms to 30 s: below is noise for these paths, above is a timeout. Bounded so
     * that each timer costs a few dozen series per tag combination, not the default hundreds.
     */
    static MeterFilter histograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() != Meter.Type.TIMER || !HISTOGRAMS.contains(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(30).toNanos())
                        .build()
                        .merge(config);
            }
        };
    }
}
