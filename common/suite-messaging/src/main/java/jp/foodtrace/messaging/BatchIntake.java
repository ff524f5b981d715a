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
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The front door of a consumer that takes a whole poll at once ({@code batch=true}): the batch
 * is processed in one transaction of its own, each record through the same envelope check and
 * {@link Inbox} de-duplication as {@link EventIntake}. If that transaction fails for any reason,
 * each record is processed again in a transaction of its own, and a record that still fails is
 * written to {@code <topic>.dlq} by {@link DeadLetters}, with SmallRye's dead-letter headers.
 *
 * <p>Counters are those of {@link EventIntake}, counted only once the outcome is final: a record
 * is processed or a duplicate when its transaction has committed, dead-lettered when the broker
 * has confirmed its dead-letter record. An exception thrown out of {@link #consume} (the
 * dead-letter write failed) should stop the channel ({@code failure-strategy=fail}): the records
 * are delivered again after a restart and the inbox drops those already processed.
 */
@ApplicationScoped
public class BatchIntake {

    private static final Logger LOG = Logger.getLogger(BatchIntake.class);

    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final IntakeMeters meters;
    private final Consumer<Runnable> transactions;

    @Inject
    public BatchIntake(Inbox inbox, DeadLetters deadLetters, MeterRegistry meters,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this(inbox, deadLetters, new IntakeMeters(meters, service),
                work -> QuarkusTransaction.requiringNew().run(work));
    }

    /** {@code transactions} runs its argument in a new transaction and commits, or rolls back and rethrows. */
    BatchIntake(Inbox inbox, DeadLetters deadLetters, IntakeMeters meters, Consumer<Runnable> transactions) {
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.transactions = transactions;
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
     * commit. {@code write} is not called when every record was a repeat.
     */
    public <T> void consume(List<ConsumerRecord<String, String>> records, Function<EventEnvelope, T> read,
            Consumer<List<T>> write) {
        if (records.isEmpty()) {
            return;
        }
        List<Outcome> outcomes;
        try {
            outcomes = inTransaction(records, read, write);
        } catch (RuntimeException e) {
            if (records.size() == 1) {
                deadLetter(records.get(0), e);
                return;
            }
            LOG.warnf("batch of %d records from %s failed (%s); processing them one by one", records.size(),
                    topics(records), e.toString());
            oneByOne(records, read, write);
            return;
        }
        outcomes.forEach(o -> meters.consumed(o.topic(), o.outcome()));
    }

    private <T> void oneByOne(List<ConsumerRecord<String, String>> records, Function<EventEnvelope, T> read,
            Consumer<List<T>> write) {
        for (ConsumerRecord<String, String> record : records) {
            List<Outcome> outcomes;
            try {
                outcomes = inTransaction(List.of(record), read, write);
            } catch (RuntimeException e) {
                deadLetter(record, e);
                continue;
            }
            outcomes.forEach(o -> meters.consumed(o.topic(), o.outcome()));
        }
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
        for (int i = 0; i < records.size(); i++) {
            EventEnvelope event = events.get(i);
            // remove: a second record with the same event id in this batch is a repeat.
            if (first.remove(event.id())) {
                items.add(read.apply(event));
                outcomes.add(new Outcome(records.get(i).topic(), IntakeMeters.PROCESSED));
            } else {
                outcomes.add(new Outcome(records.get(i).topic(), IntakeMeters.DUPLICATE));
            }
        }
        if (!items.isEmpty()) {
            write.accept(items);
        }
        return outcomes;
    }

    private void deadLetter(ConsumerRecord<String, String> record, RuntimeException reason) {
        LOG.warnf("record %s-%d@%d (key %s) goes to %s: %s", record.topic(), record.partition(), record.offset(),
                record.key(), Topics.deadLetterOf(record.topic()), reason.toString());
        deadLetters.send(record, reason);
        meters.deadLettered(record.topic());
    }

    private static String topics(List<ConsumerRecord<String, String>> records) {
        return String.join(",", records.stream().map(ConsumerRecord::topic).distinct().toList());
    }

    private record Outcome(String topic, String outcome) {
    }
}
