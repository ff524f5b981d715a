package jp.foodtrace.messaging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The front door of a consumer that takes a whole poll at once ({@code batch=true}): the batch
 * is processed in one transaction of its own, each record through the same envelope check and
 * {@link Inbox} de-duplication as {@link EventIntake}, and the same decision by {@link Failures}:
 * <ul>
 * <li>a transient failure (database or broker away, conflict, timeout) rolls the transaction back
 * and the same batch is tried again after a backoff ({@link ConsumerRetries}), as long as it takes;
 * nothing is acknowledged meanwhile;</li>
 * <li>any other failure means one record of the batch cannot be processed: each record is then
 * processed in a transaction of its own (a transient failure there is retried in the same way), and
 * a record that fails permanently is written to {@code <topic>.dlq} by {@link DeadLetters}, with
 * SmallRye's dead-letter headers.</li>
 * </ul>
 *
 * <p>Every transaction has committed before {@link #consume} returns, and only then does the
 * connector commit the offsets: a crash at any point repeats work (dropped by the inbox) but never
 * loses it. Counters are those of {@link EventIntake}, counted only once the outcome is final: a
 * record is processed or a duplicate when its transaction has committed, dead-lettered when the
 * broker has confirmed its dead-letter record. Nothing escapes {@link #consume} but a service
 * stopping mid-retry ({@code failure-strategy=fail}: the records are delivered again after the
 * restart).
 */
@ApplicationScoped
public class BatchIntake {

    private static final Logger LOG = Logger.getLogger(BatchIntake.class);

    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final ConsumerRetries retries;
    private final IntakeMeters meters;
    private final Consumer<Runnable> transactions;
    private final RecordSpans spans;

    @Inject
    public BatchIntake(Inbox inbox, DeadLetters deadLetters, ConsumerRetries retries, MeterRegistry meters,
            @ConfigProperty(name = "quarkus.application.name") String service, OpenTelemetry telemetry) {
        this(inbox, deadLetters, retries, new IntakeMeters(meters, service),
                work -> QuarkusTransaction.requiringNew().run(work), new RecordSpans(telemetry));
    }

    /** {@code transactions} runs its argument in a new transaction and commits, or rolls back and rethrows. */
    BatchIntake(Inbox inbox, DeadLetters deadLetters, ConsumerRetries retries, IntakeMeters meters,
            Consumer<Runnable> transactions, RecordSpans spans) {
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.retries = retries;
        this.meters = meters;
        this.transactions = transactions;
        this.spans = spans;
    }

    /** As {@link #consume(List, Function, Consumer)}, for a method that takes the poll as it came. */
    public <T> void consume(ConsumerRecords<String, String> records, Function<EventEnvelope, T> read,
            Consumer<List<T>> write) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        consume(list, read, write);
    }

    /**
     * Processes a batch of records. Inside each transaction, {@code read} turns every event
     * delivered for the first time into an item (a {@link PermanentFailure} for one that can never
     * be processed), in record order; then {@code write} gets all the items of the transaction at
     * once, and does the work (store, publish and await the broker's confirmation) before the
     * commit. {@code write} is not called when every record was a repeat. Must not be called inside
     * a transaction.
     */
    public <T> void consume(List<ConsumerRecord<String, String>> records, Function<EventEnvelope, T> read,
            Consumer<List<T>> write) {
        if (records.isEmpty()) {
            return;
        }
        if (records.size() == 1) {
            single(records.get(0), read, write);
            return;
        }
        ConsumerRetries.Tried<List<Outcome>> tried = retries.untilNotTransient(records.get(0).topic(),
                records.size(), () -> inTransaction(records, read, write));
        if (tried.failure() == null) {
            tried.value().forEach(o -> meters.consumed(o.topic(), o.outcome()));
            return;
        }
        LOG.warnf("batch of %d records from %s failed (%s); processing them one by one", records.size(),
                topics(records), tried.failure().toString());
        records.forEach(record -> single(record, read, write));
    }

    /** One record in a transaction of its own: retried while the failure is transient, else dead-lettered. */
    private <T> void single(ConsumerRecord<String, String> record, Function<EventEnvelope, T> read,
            Consumer<List<T>> write) {
        ConsumerRetries.Tried<List<Outcome>> tried = retries.untilNotTransient(record.topic(), 1,
                () -> inTransaction(List.of(record), read, write));
        if (tried.failure() != null) {
            EventIntake.deadLetter(deadLetters, retries, meters, record, tried.failure());
            return;
        }
        tried.value().forEach(o -> meters.consumed(o.topic(), o.outcome()));
    }

    private <T> List<Outcome> inTransaction(List<ConsumerRecord<String, String>> records,
            Function<EventEnvelope, T> read, Consumer<List<T>> write) {
        List<Outcome> outcomes = new ArrayList<>(records.size());
        transactions.accept(() -> {
            outcomes.clear();
            outcomes.addAll(process(records, read, write));
        });
        return outcomes;
    }

    /** The work of one transaction; runs inside it. */
    private <T> List<Outcome> process(List<ConsumerRecord<String, String>> records, Function<EventEnvelope, T> read,
            Consumer<List<T>> write) {
        List<EventEnvelope> events = new ArrayList<>(records.size());
        Map<String, List<EventEnvelope>> byTopic = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope event = EventEnvelope.from(record.key(), record.headers(), record.value());
            events.add(event);
            byTopic.computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(event);
        }
        Set<UUID> first = new HashSet<>();
        byTopic.forEach((topic, ofTopic) -> first.addAll(inbox.firstDeliveries(topic, ofTopic)));

        List<Outcome> outcomes = new ArrayList<>(records.size());
        List<T> items = new ArrayList<>(records.size());
        // One span per event handled, current while its record is read (an item made then keeps the
        // trace: Tracing.current()), open until the work of the whole transaction is done.
        List<Span> started = new ArrayList<>();
        RuntimeException failure = null;
        try {
            for (int i = 0; i < records.size(); i++) {
                EventEnvelope event = events.get(i);
                // remove: a second record with the same event id in this batch is a repeat.
                if (first.remove(event.id())) {
                    Span span = spans.start(records.get(i).topic(), event);
                    started.add(span);
                    try (Scope current = span.makeCurrent()) {
                        items.add(read.apply(event));
                    }
                    outcomes.add(new Outcome(records.get(i).topic(), IntakeMeters.PROCESSED));
                } else {
                    outcomes.add(new Outcome(records.get(i).topic(), IntakeMeters.DUPLICATE));
                }
            }
            if (!items.isEmpty()) {
                write.accept(items);
            }
            return outcomes;
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            for (Span span : started) {
                RecordSpans.end(span, failure);
            }
        }
    }

    private static String topics(List<ConsumerRecord<String, String>> records) {
        return String.join(",", records.stream().map(ConsumerRecord::topic).distinct().toList());
    }

    private record Outcome(String topic, String outcome) {
    }
}
