package jp.foodtrace.sync.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.eclipse.microprofile.reactive.messaging.Channel;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.sync.config.SyncConfig;

/**
 * Puts the outbox's events on their topics, one outgoing channel per topic (acks=all, idempotent
 * producer; see application.properties): the payload as value, the aggregate id as key, the
 * envelope as headers. The returned future completes when the broker acknowledged the record and
 * fails when it refused it, when no ack came within {@code suite.sync.publish.ack-timeout}, or with
 * an {@link InvalidTopicException} for a topic this service has no channel for.
 *
 * <p>A plain future completed by the producer's callback, not a Uni: the relay waits inside its
 * transaction, and a Uni's callbacks run with the context of the subscribing thread propagated,
 * its JTA transaction included, so the producer's thread would join the transaction for a moment
 * and Narayana refuses to commit a transaction with another thread active in it ("ARJUNA012094:
 * Commit ... invoked while multiple threads active", the pass rolled back and a request answered
 * 503 publish-pending).
 */
@ApplicationScoped
public class OutboxPublisher {

    private final Map<String, MutinyEmitter<String>> emitters;
    private final Duration ackTimeout;

    public OutboxPublisher(SyncConfig config,
            @Channel(Channels.MASTER_PRODUCTS_OUT) MutinyEmitter<String> products,
            @Channel(Channels.MASTER_STORES_OUT) MutinyEmitter<String> stores,
            @Channel(Channels.SHIPMENTS_OUT) MutinyEmitter<String> shipments,
            @Channel(Channels.LOTS_OUT) MutinyEmitter<String> lots,
            @Channel(Channels.MAIL_REQUESTS_OUT) MutinyEmitter<String> mail) {
        this.emitters = Map.of(Topics.MASTER_PRODUCTS, products, Topics.MASTER_STORES, stores,
                Topics.SHIPMENTS, shipments, Topics.LOTS, lots, Topics.MAIL_REQUESTS, mail);
        this.ackTimeout = config.publish().ackTimeout();
    }

    /** Whether this service has an outgoing channel for the topic. */
    public boolean publishes(String topic) {
        return emitters.containsKey(topic);
    }

    /** Sends one event; a send that cannot even start is a failed future like any other failure. */
    public CompletableFuture<Void> publish(String topic, EventEnvelope event) {
        MutinyEmitter<String> emitter = emitters.get(topic);
        if (emitter == null) {
            return CompletableFuture.failedFuture(new InvalidTopicException("no outgoing channel for topic " + topic));
        }
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        try {
            emitter.sendMessageAndForget(event.toMessage(confirmed));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return confirmed.orTimeout(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
