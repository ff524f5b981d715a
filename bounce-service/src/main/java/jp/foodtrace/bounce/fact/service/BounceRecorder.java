package jp.foodtrace.bounce.fact.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jp.foodtrace.bounce.fact.Bounce;
import jp.foodtrace.bounce.fact.messaging.BouncePublisher;
import jp.foodtrace.bounce.fact.repository.BounceRepository;

/**
 * Records bounce facts, whatever their source: stores each one under its unique (source,
 * recipient) and publishes a {@code mail.bounces.v1} record for each newly stored one, in the
 * caller's transaction. A fact stored before is neither stored nor published again.
 */
@ApplicationScoped
public class BounceRecorder {

    private final BounceRepository bounces;
    private final BouncePublisher publisher;
    private final MeterRegistry meters;
    private final TransactionSynchronizationRegistry transactions;

    public BounceRecorder(BounceRepository bounces, BouncePublisher publisher, MeterRegistry meters,
            TransactionSynchronizationRegistry transactions) {
        this.bounces = bounces;
        this.publisher = publisher;
        this.meters = meters;
        this.transactions = transactions;
    }

    /** Registers the counters at start, so that every type shows (at 0) before its first fact. */
    void registerCounters(@Observes StartupEvent start) {
        for (String kind : List.of("hard", "soft", "complaint")) {
            counter(kind);
        }
    }

    /** Stores and publishes the facts; returns how many were new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int record(List<Bounce> facts) {
        List<Bounce> stored = store(facts);
        publish(stored);
        return stored.size();
    }

    /**
     * Stores the facts, in the caller's transaction, and returns those that were new; only these
     * are to be published ({@link #publish}), before the transaction commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Bounce> store(List<Bounce> facts) {
        List<Bounce> stored = new ArrayList<>(facts.size());
        for (Bounce fact : facts) {
            if (bounces.insert(fact)) {
                countAfterCommit(fact.kind());
                stored.add(fact);
            }
        }
        return stored;
    }

    /**
     * Publishes the events of newly stored facts and returns once the broker confirmed every one
     * (or throws, which rolls the caller's transaction back).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(List<Bounce> stored) {
        publisher.recorded(stored);
    }

    private void countAfterCommit(String kind) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter(kind).increment();
                }
            }
        });
    }

    private Counter counter(String kind) {
        return Counter.builder("suite.bounce-service.bounces")
                .description("Bounce facts recorded, by type (hard, soft, complaint)")
                .tag("type", kind)
                .register(meters);
    }
}
