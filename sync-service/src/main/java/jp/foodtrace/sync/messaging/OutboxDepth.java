package jp.foodtrace.sync.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import jp.foodtrace.data.Jdbc;
import jp.foodtrace.messaging.metrics.SampledGauges;

/**
 * {@code suite.outbox.depth}: events of {@code outbox_event} not yet published; parked ones are
 * {@code suite.outbox.parked}. A depth that stays up means the relay cannot publish.
 */
@Startup
@ApplicationScoped
public class OutboxDepth {

    public OutboxDepth(Jdbc jdbc, SampledGauges gauges) {
        gauges.gauge("suite.outbox.depth", "Events stored and not yet confirmed by Kafka",
                () -> jdbc.one("SELECT count(*) FROM outbox_event WHERE published_at IS NULL", rs -> rs.getLong(1))
                        .orElse(0L));
        gauges.gauge("suite.outbox.parked", "Events that can never be published as they are, waiting for ops",
                () -> jdbc.one("SELECT count(*) FROM parked_outbox_event", rs -> rs.getLong(1)).orElse(0L));
    }
}
