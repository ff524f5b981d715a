package jp.foodtrace.gateway.order.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jp.foodtrace.gateway.config.GatewayConfig;
import jp.foodtrace.gateway.messaging.Channels;
import jp.foodtrace.gateway.order.Submission;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.events.TerminalOrderSubmitted;

/**
 * Writes submitted orders to {@code terminal.orders.v1}; the returned Uni completes once the
 * broker has confirmed the write ({@code acks=all}, idempotent producer; see
 * application.properties) and fails if it has not within the publish timeout. The event id is
 * derived from the receipt, so publishing the same receipt again (a resend, the relay) carries the
 * same id and order-service's inbox drops the repeat.
 */
@ApplicationScoped
public class OrderPublisher {

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper json;
    private final Duration timeout;

    public OrderPublisher(
            @Channel(Channels.TERMINAL_ORDERS_OUT) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
            MutinyEmitter<String> emitter,
            ObjectMapper json, GatewayConfig config) {
        this.emitter = emitter;
        this.json = json;
        this.timeout = config.publishTimeout();
    }

    /**
     * The event of a receipt: keyed by its store, dated when the order was received, in the trace of
     * the terminal's request (the current span).
     */
    public EventEnvelope event(Submission receipt, TerminalOrderSubmitted order) {
        return EventEnvelope.forPayload(eventId(receipt.receiptId()), receipt.storeCode(), receipt.receivedAt(), order,
                json);
    }

    /**
     * The event of a receipt from the payload and trace stored in its outbox row, as the relay finds
     * it; the same envelope as {@link #event} gave when the receipt was taken.
     */
    public static EventEnvelope storedEvent(Submission receipt, String payload, Optional<String> traceparent) {
        return new EventEnvelope(eventId(receipt.receiptId()), TerminalOrderSubmitted.class.getSimpleName(),
                receipt.storeCode(), receipt.receivedAt(), traceparent, payload);
    }

    /** Publishes an order event; completes when the broker confirmed it. */
    public Uni<Void> publish(EventEnvelope event) {
        return emitter.sendMessage(event.toMessage()).ifNoItem().after(timeout)
                .failWith(() -> new IllegalStateException("Kafka did not confirm within " + timeout));
    }

    static UUID eventId(UUID receiptId) {
        return UUID.nameUUIDFromBytes(("terminal-order:" + receiptId).getBytes(StandardCharsets.UTF_8));
    }
}
