package jp.foodtrace.sync.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jp.foodtrace.data.Jdbc;
import jp.foodtrace.messaging.PublishFailures;
import jp.foodtrace.messaging.TransientFailure;
import jp.foodtrace.rest.Problem;
import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.sync.config.SyncConfig;

/**
 * Hands pending outbox events, in outbox order, to the {@link OutboxPublisher} and marks them
 * published once Kafka acknowledged them (acks=all, idempotent producer). A request that wrote
 * events calls {@link #awaitPublished(List)} after its commit and waits, so it answers only after
 * the broker confirmed; a timer does the same for whatever a request could not publish. One
 * relay pass at a time, across instances too (an advisory lock), so events of one key never
 * overtake each other.
 *
 * <p>Every event of a pass is sent and its outcome collected on its own, so one bad row never
 * holds up the rows behind it. An event Kafka can never take ({@link PublishFailures}: too large,
 * invalid topic or record, no outgoing channel for its topic, no valid envelope) is parked in
 * {@code parked_outbox_event} with its reason, counted in
 * {@code suite.sync_service.outbox.parked{topic,reason}} and logged at WARN. A failure that may
 * pass parks nothing: the pass marks nothing published and the timer sends the batch again, as
 * before; consumers drop the repeats by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x5f_0b0c_0001L;
    /** The topic tag of a row whose topic has no outgoing channel: keeps the tag's values bounded. */
    private static final String UNKNOWN_TOPIC = "unknown";

    /** What one pass did: rows settled (published or parked), and the first failure that may pass. */
    record Pass(int settled, Throwable mayPass) {
    }

    /** What one send came to: confirmed (no failure), or the failure Kafka reported. */
    private record Attempt(Outbox.Pending row, Throwable failure) {
    }

    private final Outbox outbox;
    private final OutboxPublisher publisher;
    private final Jdbc jdbc;
    private final SyncConfig config;
    private final MeterRegistry meters;
    private ScheduledExecutorService timer;

    public OutboxRelay(Outbox outbox, OutboxPublisher publisher, Jdbc jdbc, SyncConfig config, MeterRegistry meters) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.config = config;
        this.meters = meters;
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
     * When one of them was parked, the answer is 500 {@code publish-parked}: the change is stored
     * but its event will not go out until ops requeue it, and resending does not help.
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
            long retryAfter = Math.max(1, config.publish().relayInterval().toSeconds());
            throw new ProblemException(Problem.of(503, "publish-pending", "Service unavailable",
                    "the data is stored but Kafka has not confirmed its events yet; they will be published shortly, "
                            + "and resending the request is safe"), Map.of("Retry-After", Long.toString(retryAfter)));
        }
        if (outbox.parked(eventIds) > 0) {
            throw new ProblemException(Problem.of(500, "publish-parked", "Event parked",
                    "the data is stored but Kafka refused one of its events for good; it was parked for operations "
                            + "to requeue, and resending the request does not publish it"));
        }
    }

    private OutboxRelay self() {
        return Arc.container().instance(OutboxRelay.class).get();
    }

    /**
     * Publishes up to one batch of pending events and waits for their acks; returns how many left
     * the outbox (published or parked). Fails when a send failed in a way that may pass: then
     * nothing of the batch is marked published (the parked rows stay parked), and the next pass
     * sends it again in outbox order.
     */
    public int publishPending() {
        Pass pass = self().pass();
        if (pass.mayPass() != null) {
            throw new TransientFailure("Kafka did not take every event of the pass", pass.mayPass());
        }
        return pass.settled();
    }

    /** One pass in one transaction: the advisory lock, the sends, then parking and marking. */
    @Transactional
    Pass pass() {
        jdbc.one("SELECT pg_advisory_xact_lock(?)", rs -> 1, RELAY_LOCK);
        List<Outbox.Pending> pending = outbox.pending(config.publish().relayBatch());
        if (pending.isEmpty()) {
            return new Pass(0, null);
        }
        // Every send starts before any is awaited; each future completes on the producer's thread
        // with no context of this one (see OutboxPublisher), at the latest after the ack timeout.
        List<CompletableFuture<Attempt>> sends = pending.stream()
                .map(p -> send(p).handle((ignored, failure) -> new Attempt(p, failure)))
                .toList();
        List<Attempt> attempts = sends.stream().map(CompletableFuture::join).toList();
        List<Outbox.Pending> confirmed = new ArrayList<>();
        int parked = 0;
        Throwable mayPass = null;
        for (Attempt attempt : attempts) {
            if (attempt.failure() == null) {
                confirmed.add(attempt.row());
                continue;
            }
            Optional<Throwable> permanent = PublishFailures.permanentCause(attempt.failure());
            if (permanent.isPresent()) {
                parked += park(attempt.row(), permanent.get()) ? 1 : 0;
            } else if (mayPass == null) {
                mayPass = attempt.failure();
            }
        }
        if (mayPass != null) {
            return new Pass(parked, mayPass);
        }
        outbox.markPublished(confirmed.stream().map(Outbox.Pending::id).toList());
        for (Outbox.Pending p : confirmed) {
            meters.counter("suite.sync_service.events.published", "topic", p.topic()).increment();
        }
        return new Pass(confirmed.size() + parked, null);
    }

    /** The send of one row; a row without a valid envelope is a failed send like any other. */
    private CompletableFuture<Void> send(Outbox.Pending p) {
        return p.invalid() != null ? CompletableFuture.failedFuture(p.invalid()) : publisher.publish(p.topic(), p.event());
    }

    private boolean park(Outbox.Pending p, Throwable permanent) {
        String reason = PublishFailures.reason(permanent);
        String detail = PublishFailures.detail(permanent);
        if (!outbox.park(p.id(), reason, detail)) {
            return false;
        }
        String topic = publisher.publishes(p.topic()) ? p.topic() : UNKNOWN_TOPIC;
        meters.counter("suite.sync_service.outbox.parked", "topic", topic, "reason", reason).increment();
        LOG.warnf("outbox event %s (row %d, topic %s) can never be published and was parked (%s: %s); "
                + "GET /v1/ops/outbox/parked lists it, POST /v1/ops/outbox/parked/%s/requeue sends it again",
                p.eventId(), p.id(), p.topic(), reason, detail, p.eventId());
        return true;
    }
}
