package jp.foodtrace.gateway.order.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import jp.foodtrace.data.Jdbc;
import jp.foodtrace.messaging.metrics.SampledGauges;

/**
 * {@code suite.outbox.depth}: order events stored but not yet confirmed by Kafka (the rows of
 * {@code submission_outbox}); parked events are {@code suite.outbox.parked}. A depth that stays up
 * means the relay cannot publish.
 */
@Startup
@ApplicationScoped
public class OutboxDepth {

    public OutboxDepth(Jdbc jdbc, SampledGauges gauges) {
        gauges.gauge("suite.outbox.depth", "Events stored and not yet confirmed by Kafka",
                () -> jdbc.one("SELECT count(*) FROM submission_outbox", rs -> rs.getLong(1)).orElse(0L));
        gauges.gauge("suite.outbox.parked", "Events that can never be published as they are, waiting for ops",
                () -> jdbc.one("SELECT count(*) FROM parked_submission", rs -> rs.getLong(1)).orElse(0L));
    }
}
