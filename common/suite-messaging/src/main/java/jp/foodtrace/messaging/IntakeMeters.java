package jp.foodtrace.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The consumption counters of one service, shared by {@link EventIntake} and {@link BatchIntake}
 * so that both count under the same names: {@code suite.<service>.events.consumed} by topic and
 * outcome, and {@code suite.dead-letters} by source topic (the service is the common tag
 * {@code service}, as on every meter).
 */
final class IntakeMeters {

    static final String PROCESSED = "processed";
    static final String DUPLICATE = "duplicate";
    static final String DEAD_LETTERED = "dead-lettered";

    private final MeterRegistry meters;
    private final String prefix;

    IntakeMeters(MeterRegistry meters, String service) {
        this.meters = meters;
        this.prefix = "suite." + service.replace('-', '_');
    }

    void consumed(String topic, String outcome) {
        Counter.builder(prefix + ".events.consumed")
                .description("Events taken from Kafka, by topic and outcome (processed or duplicate)")
                .tag("topic", topic)
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    void deadLettered(String topic) {
        consumed(topic, DEAD_LETTERED);
        Counter.builder("suite.dead-letters")
                .description("Records sent to <topic>.dlq, by source topic")
                .tag("topic", topic)
                .register(meters)
                .increment();
    }
}
