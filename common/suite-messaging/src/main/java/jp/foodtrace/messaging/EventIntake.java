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
    private final String metricName;

    public EventIntake(Inbox inbox, MeterRegistry meters,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.inbox = inbox;
        this.meters = meters;
        this.metricName = "suite." + service.replace('-', '_') + ".events.consumed";
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
        } catch (PermanentFailure e) {
            // The channel's failure strategy sends the record to <topic>.dlq; counted here.
            counter(record.topic(), "dead-lettered").increment();
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
