package jp.foodtrace.gateway.order;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jp.foodtrace.gateway.config.GatewayConfig;
import jp.foodtrace.gateway.messaging.Channels;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.events.TerminalOrderSubmitted;

/**
 * Writes submitted orders to {@code terminal.orders.v1} and returns only once the broker has
 * confirmed the write ({@code acks=all}, idempotent producer; see application.properties).
 */
@ApplicationScoped
public class OrderPublisher {

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper json;
    private final Duration timeout;

    public OrderPublisher(@Channel(Channels.TERMINAL_ORDERS_OUT) MutinyEmitter<String> emitter, ObjectMapper json,
            GatewayConfig config) {
        this.emitter = emitter;
        this.json = json;
        this.timeout = config.publishTimeout();
    }

    public void publish(TerminalOrderSubmitted order) {
        String payload;
        try {
            payload = json.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("order not serializable", e);
        }
        EventEnvelope event = EventEnvelope.of(TerminalOrderSubmitted.class.getSimpleName(), order.storeCode(), payload);
        Message<String> message = Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.aggregateId())
                .withHeaders(event.headers())
                .build());
        emitter.sendMessage(message).await().atMost(timeout);
    }
}
