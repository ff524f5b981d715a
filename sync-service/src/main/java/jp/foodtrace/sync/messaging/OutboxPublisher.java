package jp.foodtrace.sync.messaging;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.eclipse.microprofile.reactive.messaging.Channel;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.sync.config.SyncConfig;

/**
 * Puts the outbox's events on their topics, one outgoing channel per topic (acks=all, idempotent
 * producer; see application.properties): the payload as value, the aggregate id as key, the
 * envelope as headers. The returned Uni completes when the broker acknowledged the record and
 * fails when it refused it, when no ack came within {@code suite.sync.publish.ack-timeout}, or with
 * an {@link InvalidTopicException} for a topic this service has no channel for.
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

    /** Sends one event; a send that cannot even start is a failed Uni like any other failure. */
    public Uni<Void> publish(String topic, EventEnvelope event) {
        MutinyEmitter<String> emitter = emitters.get(topic);
        if (emitter == null) {
            return Uni.createFrom().failure(new InvalidTopicException("no outgoing channel for topic " + topic));
        }
        try {
            return emitter.sendMessage(event.toMessage()).ifNoItem().after(ackTimeout).fail();
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
    }
}
