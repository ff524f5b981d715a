package jp.foodtrace.gateway.order.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jp.foodtrace.gateway.config.GatewayConfig;
import jp.foodtrace.gateway.order.Submission;
import jp.foodtrace.gateway.order.repository.SubmissionRepository;
import jp.foodtrace.messaging.PublishFailures;
import jp.foodtrace.messaging.Topics;

/**
 * Publishes the orders whose receipt was committed but whose Kafka confirmation never arrived
 * (Kafka refused or timed out and the terminal did not resend, or the gateway stopped in between).
 * Runs on every instance; two instances publishing the same receipt write the same event id, which
 * order-service's inbox drops. Counted as {@code suite.terminal_gateway.orders{outcome=relayed}}.
 *
 * <p>Each receipt's send stands alone, so one bad row never holds up the others. A failure that
 * may pass ({@link PublishFailures}) leaves the row for the next round; a row Kafka can never take
 * (too large, invalid topic or record) is parked in {@code parked_submission} with its reason,
 * counted in {@code suite.terminal_gateway.outbox.parked{topic,reason}} and logged at ERROR: the
 * terminal holds a receipt for an order that will not reach HQ until ops requeue it.
 */
@ApplicationScoped
public class UnpublishedRelay {

    private static final Logger LOG = Logger.getLogger(UnpublishedRelay.class);
    private static final int BATCH = 500;

    /** What one send came to: confirmed (no failure), or the failure Kafka reported. */
    private record Attempt(SubmissionRepository.Unpublished row, Throwable failure) {
    }

    private final SubmissionRepository receipts;
    private final OrderPublisher publisher;
    private final MeterRegistry meters;
    private final Duration interval;
    private final Duration after;
    private ScheduledExecutorService scheduler;

    public UnpublishedRelay(SubmissionRepository receipts, OrderPublisher publisher, MeterRegistry meters,
            GatewayConfig config) {
        this.receipts = receipts;
        this.publisher = publisher;
        this.meters = meters;
        this.interval = config.relayInterval();
        this.after = config.relayAfter();
    }

    void start(@Observes StartupEvent started) {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "unpublished-relay");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::runSafely, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void runSafely() {
        try {
            relay();
        } catch (RuntimeException e) {
            LOG.warn("relay of unconfirmed orders failed; trying again later", e);
        }
    }

    /** Publishes one round of unconfirmed receipts; returns how many Kafka confirmed. */
    int relay() {
        List<SubmissionRepository.Unpublished> found = receipts.unpublished(Instant.now().minus(after), BATCH);
        if (found.isEmpty()) {
            return 0;
        }
        List<Uni<Attempt>> sends = found.stream()
                .map(u -> send(u).onItemOrFailure().transform((ignored, failure) -> new Attempt(u, failure)))
                .toList();
        List<Attempt> attempts = Uni.join().all(sends).andFailFast().await().indefinitely();
        List<UUID> confirmed = new ArrayList<>();
        int parked = 0;
        Throwable mayPass = null;
        for (Attempt attempt : attempts) {
            if (attempt.failure() == null) {
                confirmed.add(attempt.row().submission().receiptId());
                continue;
            }
            Optional<Throwable> permanent = PublishFailures.permanentCause(attempt.failure());
            if (permanent.isPresent()) {
                parked += park(attempt.row(), permanent.get()) ? 1 : 0;
            } else if (mayPass == null) {
                mayPass = attempt.failure();
            }
        }
        receipts.markPublished(confirmed);
        meters.counter("suite.terminal_gateway.orders", "outcome", "relayed").increment(confirmed.size());
        int waiting = found.size() - confirmed.size() - parked;
        if (waiting > 0) {
            LOG.warnf("relayed %d of %d order(s) Kafka had not confirmed, parked %d; %d stay for the next round: %s",
                    confirmed.size(), found.size(), parked, waiting, mayPass);
        } else {
            LOG.infof("relayed %d of %d order(s) Kafka had not confirmed, parked %d", confirmed.size(), found.size(),
                    parked);
        }
        return confirmed.size();
    }

    /** The publication of one receipt; a send that throws at once is a failed send like any other. */
    private Uni<Void> send(SubmissionRepository.Unpublished row) {
        try {
            return publisher.publish(OrderPublisher.storedEvent(row.submission(), row.payload(), row.traceparent()));
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private boolean park(SubmissionRepository.Unpublished row, Throwable permanent) {
        Submission s = row.submission();
        String reason = PublishFailures.reason(permanent);
        String detail = PublishFailures.detail(permanent);
        if (!receipts.park(s.receiptId(), Topics.TERMINAL_ORDERS, s.storeCode(), reason, detail)) {
            return false;
        }
        meters.counter("suite.terminal_gateway.outbox.parked", "topic", Topics.TERMINAL_ORDERS, "reason", reason)
                .increment();
        LOG.errorf("order %s/%d (receipt %s, store %s) can never be published to %s and was parked (%s: %s); "
                + "the terminal holds its receipt but the order will not reach HQ until it is requeued "
                + "(GET /v1/ops/outbox/parked)", s.terminalId(), s.sequence(), s.receiptId(), s.storeCode(),
                Topics.TERMINAL_ORDERS, reason, detail);
        return true;
    }
}
