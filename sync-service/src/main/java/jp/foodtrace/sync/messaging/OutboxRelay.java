package jp.foodtrace.sync.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.sync.config.SyncConfig;
import jp.foodtrace.sync.db.Jdbc;
import jp.foodtrace.sync.problem.ProblemException;

/**
 * Publishes pending outbox events in outbox order and marks them published once Kafka
 * acknowledged them (acks=all, idempotent producer). A request that wrote events calls
 * {@link #publishPending()} after its commit and waits, so it answers only after the broker
 * confirmed; a timer does the same for whatever a request could not publish (broker down). One
 * relay pass at a time, across instances too (an advisory lock), so events of one key never
 * overtake each other.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x5f_0b0c_0001L;

    private final Outbox outbox;
    private final Jdbc jdbc;
    private final SyncConfig config;
    private final MeterRegistry meters;
    private final Map<String, MutinyEmitter<String>> emitters;
    private ScheduledExecutorService timer;

    public OutboxRelay(Outbox outbox, Jdbc jdbc, SyncConfig config, MeterRegistry meters,
            @Channel(Channels.MASTER_PRODUCTS_OUT) MutinyEmitter<String> products,
            @Channel(Channels.MASTER_STORES_OUT) MutinyEmitter<String> stores,
            @Channel(Channels.SHIPMENTS_OUT) MutinyEmitter<String> shipments,
            @Channel(Channels.LOTS_OUT) MutinyEmitter<String> lots,
            @Channel(Channels.MAIL_REQUESTS_OUT) MutinyEmitter<String> mail) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.config = config;
        this.meters = meters;
        this.emitters = Map.of(Topics.MASTER_PRODUCTS, products, Topics.MASTER_STORES, stores,
                Topics.SHIPMENTS, shipments, Topics.LOTS, lots, Topics.MAIL_REQUESTS, mail);
    }

    void start(@Observes StartupEvent startup, OutboxRelay self) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
        long every = config.publish().relayInterval().toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                while (self.publishPending() == config.publish().relayBatch()) {
                    // a full pass: more may be waiting
                }
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay pass failed, retrying in %d ms: %s", every, e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /**
     * Publishes pending events until the given ones are out; a request calls this after its
     * commit. When Kafka does not confirm in time the answer is 503: the change is stored and the
     * timer will publish its events, and resending the request is safe (it comes back unchanged).
     */
    public void awaitPublished(List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        try {
            while (outbox.unpublished(eventIds) > 0 && self().publishPending() > 0) {
                // next batch
            }
        } catch (RuntimeException e) {
            LOG.warnf("publishing after commit failed: %s", e.getMessage());
        }
        if (outbox.unpublished(eventIds) > 0) {
            throw new ProblemException(503, "publish-pending", "Service unavailable",
                    "the data is stored but Kafka has not confirmed its events yet; they will be published shortly, "
                            + "and resending the request is safe");
        }
    }

    private OutboxRelay self() {
        return Arc.container().instance(OutboxRelay.class).get();
    }

    /** Publishes up to one batch of pending events and waits for their acks; returns how many. */
    @Transactional
    public int publishPending() {
        jdbc.one("SELECT pg_advisory_xact_lock(?)", rs -> 1, RELAY_LOCK);
        List<Outbox.Pending> pending = outbox.pending(config.publish().relayBatch());
        if (pending.isEmpty()) {
            return 0;
        }
        List<Uni<Void>> acks = new ArrayList<>();
        for (Outbox.Pending p : pending) {
            MutinyEmitter<String> emitter = emitters.get(p.topic());
            if (emitter == null) {
                throw new IllegalStateException("no outgoing channel for topic " + p.topic());
            }
            Message<String> message = Message.of(p.event().payload()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(p.event().aggregateId())
                    .withHeaders(p.event().headers())
                    .build());
            acks.add(emitter.sendMessage(message));
        }
        Duration timeout = config.publish().ackTimeout();
        Uni.join().all(acks).andFailFast().await().atMost(timeout);
        outbox.markPublished(pending.stream().map(Outbox.Pending::id).toList());
        for (Outbox.Pending p : pending) {
            meters.counter("suite.sync_service.events.published", "topic", p.topic()).increment();
        }
        return pending.size();
    }
}
