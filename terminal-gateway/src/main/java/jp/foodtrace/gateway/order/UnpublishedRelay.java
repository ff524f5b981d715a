package jp.foodtrace.gateway.order;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
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

/**
 * Publishes the orders whose receipt was committed but whose Kafka confirmation never arrived
 * (Kafka refused or timed out and the terminal did not resend, or the gateway stopped in between).
 * Runs on every instance; two instances publishing the same receipt write the same event id, which
 * order-service's inbox drops. Counted as {@code suite.terminal_gateway.orders{outcome=relayed}}.
 */
@ApplicationScoped
public class UnpublishedRelay {

    private static final Logger LOG = Logger.getLogger(UnpublishedRelay.class);
    private static final int BATCH = 500;

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
        // A send Kafka refuses yields null and stays in the outbox for the next round.
        List<Uni<SubmissionRepository.Unpublished>> sends = found.stream()
                .map(u -> publisher.publish(u.submission(), u.payload()).replaceWith(u)
                        .onFailure().recoverWithNull())
                .toList();
        List<SubmissionRepository.Unpublished> confirmed = Uni.join().all(sends).andFailFast().await()
                .indefinitely().stream().filter(Objects::nonNull).toList();
        receipts.markPublished(confirmed.stream().map(u -> u.submission().receiptId()).toList());
        meters.counter("suite.terminal_gateway.orders", "outcome", "relayed").increment(confirmed.size());
        LOG.infof("relayed %d of %d order(s) Kafka had not confirmed", confirmed.size(), found.size());
        return confirmed.size();
    }
}
