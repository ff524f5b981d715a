package jp.foodtrace.sync.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
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
 * <p>The relay sends and waits inside its transaction. Whatever Mutiny runs for a send (the
 * emitter's subscription, the callback of the broker's ack) runs with the context of the thread
 * that started it, its JTA transaction included: the producer's thread would join the transaction
 * for a moment, and Narayana refuses to commit a transaction with another thread active in it
 * ("ARJUNA012094: Commit ... invoked while multiple threads active"; the pass rolled back and an
 * upload of 2,000 stores answered 503 publish-pending). So every send starts on one thread of its
 * own, which has no transaction (one thread: the sends keep their order), and the relay waits on a
 * plain future completed by the ack.
 */
@ApplicationScoped
public class OutboxPublisher {

    private final Map<String, MutinyEmitter<String>> emitters;
    private final Duration ackTimeout;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "outbox-sender");
        thread.setDaemon(true);
        return thread;
    });

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
            sender.execute(() -> {
                try {
                    emitter.sendMessageAndForget(event.toMessage(confirmed));
                } catch (RuntimeException e) {
                    confirmed.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
        return confirmed.orTimeout(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
    }
}
