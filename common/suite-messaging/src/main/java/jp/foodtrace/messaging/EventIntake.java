package jp.foodtrace.messaging;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The front door of every consumer: reads the envelope (a malformed one is a
 * {@link PermanentFailure}, which the channel's dead-letter strategy sends to {@code <topic>.dlq}),
 * marks the event in the {@link Inbox} and runs the effect only on its first delivery, all in the
 * caller's transaction. Counts {@code suite.<service>.events.consumed} by topic and outcome (processed, duplicate,
 * dead-lettered).
 */
@ApplicationScoped
public class EventIntake {

    private final Inbox inbox;
    private final MeterRegistry meters;
    private final String prefix;
    private final String metricName;

    public EventIntake(Inbox inbox, MeterRegistry meters,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.inbox = inbox;
        this.meters = meters;
        this.prefix = "suite." + service.replace('-', '_');
        this.metricName = prefix + ".events.consumed";
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void accept(ConsumerRecord<String, String> record, Consumer<EventEnvelope> effect) {
        try {
            EventEnvelope event = EventEnvelope.from(record.key(), record.headers(), record.value());
            if (inbox.firstDelivery(record.topic(), event)) {
                effect.accept(event);
                counter(record.topic(), "processed").increment();
            } else {
                counter(record.topic(), "duplicate").increment();
            }
        } catch (RuntimeException e) {
            // The channel's failure strategy sends every failed record to <topic>.dlq; counted here.
            counter(record.topic(), "dead-lettered").increment();
            Counter.builder(prefix + ".dead-letters")
                    .description("Records sent to <topic>.dlq, by source topic")
                    .tag("topic", record.topic())
                    .register(meters)
                    .increment();
            throw e;
        }
    }

    private Counter counter(String topic, String outcome) {
        return Counter.builder(metricName)
                .description("Events taken from Kafka, by topic and outcome (processed or duplicate)")
                .tag("topic", topic)
                .tag("outcome", outcome)
                .register(meters);
    }
}
