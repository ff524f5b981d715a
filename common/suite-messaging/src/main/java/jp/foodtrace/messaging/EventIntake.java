package jp.foodtrace.messaging;

import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The front door of every consumer that takes a record at a time: reads the envelope, marks the
 * event in the {@link Inbox} and runs the effect only on its first delivery, all in one
 * transaction of its own, which has committed when {@link #accept} returns (and only then may the
 * connector commit the offset).
 *
 * <p>What happens on failure is decided by {@link Failures}: a transient failure (database or
 * broker away, serialization conflict, timeout) is tried again in a new transaction after a
 * backoff ({@link ConsumerRetries}), as long as it takes, without acknowledging the record; a
 * permanent one (a malformed envelope or payload, a {@link PermanentFailure}) is written to
 * {@code <topic>.dlq} by {@link DeadLetters} at once and the record is acknowledged. Nothing
 * escapes this method but a service stopping mid-retry, so channels use
 * {@code failure-strategy=fail}: the record stays unacknowledged and is delivered again after the
 * restart. Counts {@code suite.<service>.events.consumed} by topic and outcome once the outcome is
 * final. Channels consumed in batches use {@link BatchIntake}, which follows the same rules.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);

    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final ConsumerRetries retries;
    private final IntakeMeters meters;
    private final Transactions transactions;
    private final RecordSpans spans;

    /** Runs work in a new transaction and commits, or rolls back and rethrows. */
    @FunctionalInterface
    public interface Transactions {
        <T> T inNew(Supplier<T> work);
    }

    @Inject
    public EventIntake(Inbox inbox, DeadLetters deadLetters, ConsumerRetries retries, MeterRegistry meters,
            @ConfigProperty(name = "quarkus.application.name") String service, OpenTelemetry telemetry) {
        this(inbox, deadLetters, retries, new IntakeMeters(meters, service), EventIntake::inNewTransaction,
                new RecordSpans(telemetry));
    }

    EventIntake(Inbox inbox, DeadLetters deadLetters, ConsumerRetries retries, IntakeMeters meters,
            Transactions transactions, RecordSpans spans) {
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.retries = retries;
        this.meters = meters;
        this.transactions = transactions;
        this.spans = spans;
    }

    /** Must not be called inside a transaction: each try runs in one of its own. */
    public void accept(ConsumerRecord<String, String> record, Consumer<EventEnvelope> effect) {
        ConsumerRetries.Tried<String> tried = retries.untilNotTransient(record.topic(), 1,
                () -> transactions.inNew(() -> {
                    EventEnvelope event = EventEnvelope.from(record.key(), record.headers(), record.value());
                    if (!inbox.firstDelivery(record.topic(), event)) {
                        return IntakeMeters.DUPLICATE;
                    }
                    // The event's span is current while it has its effect: log lines and the events
                    // made for it carry its trace.
                    Span span = spans.start(record.topic(), event);
                    try (Scope current = span.makeCurrent()) {
                        effect.accept(event);
                    } catch (RuntimeException e) {
                        RecordSpans.end(span, e);
                        throw e;
                    }
                    RecordSpans.end(span, null);
                    return IntakeMeters.PROCESSED;
                }));
        if (tried.failure() != null) {
            deadLetter(deadLetters, retries, meters, record, tried.failure());
            return;
        }
        meters.consumed(record.topic(), tried.value());
    }

    /**
     * Writes the record to {@code <topic>.dlq}, trying again while the broker does not confirm
     * (however long: a record is never dropped), and counts it once confirmed.
     */
    static void deadLetter(DeadLetters deadLetters, ConsumerRetries retries, IntakeMeters meters,
            ConsumerRecord<String, String> record, RuntimeException reason) {
        LOG.warnf("record %s-%d@%d (key %s) goes to %s: %s", record.topic(), record.partition(), record.offset(),
                record.key(), Topics.deadLetterOf(record.topic()), reason.toString());
        ConsumerRetries.Attempts attempts = retries.attemptsForever(Topics.deadLetterOf(record.topic()));
        while (true) {
            try {
                deadLetters.send(record, reason);
                attempts.succeeded();
                meters.deadLettered(record.topic());
                return;
            } catch (RuntimeException e) {
                attempts.await(1, e);
            }
        }
    }

    private static <T> T inNewTransaction(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
