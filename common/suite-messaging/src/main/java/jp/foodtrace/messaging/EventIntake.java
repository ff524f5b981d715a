package jp.foodtrace.messaging;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The front door of every consumer: reads the envelope (a malformed one is a
 * {@link PermanentFailure}, which the channel's dead-letter strategy sends to {@code <topic>.dlq}),
 * marks the event in the {@link Inbox} and runs the effect only on its first delivery, all in the
 * caller's transaction. Counts {@code suite.<service>.events.consumed} by topic and outcome (processed, duplicate,
 * dead-lettered). Channels consumed in batches use {@link BatchIntake} instead.
 */
@ApplicationScoped
public class EventIntake {

    private final Inbox inbox;
    private final IntakeMeters meters;

    public EventIntake(Inbox inbox, MeterRegistry meters,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.inbox = inbox;
        this.meters = new IntakeMeters(meters, service);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void accept(ConsumerRecord<String, String> record, Consumer<EventEnvelope> effect) {
        try {
            EventEnvelope event = EventEnvelope.from(record.key(), record.headers(), record.value());
            if (inbox.firstDelivery(record.topic(), event)) {
                effect.accept(event);
                meters.consumed(record.topic(), IntakeMeters.PROCESSED);
            } else {
                meters.consumed(record.topic(), IntakeMeters.DUPLICATE);
            }
        } catch (RuntimeException e) {
            // The channel's failure strategy sends every failed record to <topic>.dlq; counted here.
            meters.deadLettered(record.topic());
            throw e;
        }
    }
}
