package jp.foodtrace.order.storeorder.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.TransientFailure;
import jp.foodtrace.messaging.events.OrderAccepted;
import jp.foodtrace.messaging.events.OrderLine;
import jp.foodtrace.messaging.events.OrderStatusChanged;
import jp.foodtrace.order.config.OrderConfig;
import jp.foodtrace.order.messaging.Channels;
import jp.foodtrace.order.storeorder.StoreOrder;

/**
 * Publishes what happened to orders ({@link OrderStatusChanged}, {@link OrderAccepted}), inside the
 * transaction that recorded them: every send of the transaction starts at once into a
 * {@link Publication}, and the transaction awaits the broker's confirmation of all of them before
 * it commits, so nothing is committed unless the broker confirmed its events. A failure rolls the
 * transaction back and the consumed records are processed again. Event ids are derived from the
 * order and the status, so a re-run publishes the same event ids and downstream inboxes drop the
 * repeat.
 */
@ApplicationScoped
public class OrderEventPublisher {

    private final MutinyEmitter<String> status;
    private final MutinyEmitter<String> accepted;
    private final ObjectMapper json;
    private final Duration timeout;

    /**
     * The emitters buffer without bound: a transaction starts all its sends before it awaits any
     * (a poll of orders, or a shipment batch naming thousands of orders), more than the default
     * buffer holds; the batch size bounds what waits there.
     */
    public OrderEventPublisher(
            @Channel(Channels.ORDERS_STATUS_OUT) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
            MutinyEmitter<String> status,
            @Channel(Channels.ORDERS_ACCEPTED_OUT) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
            MutinyEmitter<String> accepted,
            ObjectMapper json, OrderConfig config) {
        this.status = status;
        this.accepted = accepted;
        this.json = json;
        this.timeout = config.publishTimeout();
    }

    /** A new, empty publication for one transaction. */
    public Publication publication() {
        return new Publication();
    }

    /** The order's new status, in the trace of what changed it (the submission or the shipment). */
    public void statusChanged(Publication publication, StoreOrder order, List<OrderStatusChanged.LineRejection> rejections,
            Instant at, Optional<String> traceparent) {
        publication.send(status, statusEvent(order, rejections, at, json).withTraceparent(traceparent));
    }

    /** The accepted order for HQ, in the trace of its submission. */
    public void accepted(Publication publication, StoreOrder order, Optional<String> traceparent) {
        publication.send(accepted, acceptedEvent(order, json).withTraceparent(traceparent));
    }

    /** The order's current status, keyed by its store; one event id per (order, status). */
    static EventEnvelope statusEvent(StoreOrder order, List<OrderStatusChanged.LineRejection> rejections, Instant at,
            ObjectMapper json) {
        OrderStatusChanged event = new OrderStatusChanged(order.receiptId.toString(), order.orderId.toString(),
                order.terminalId, order.storeCode, order.status, at, rejections, order.shipmentId);
        return EventEnvelope.forPayload(eventId("status:" + order.orderId + ":" + order.status), order.storeCode, at,
                event, json);
    }

    /** The accepted order for HQ, keyed by its store; one event id per order. */
    static EventEnvelope acceptedEvent(StoreOrder order, ObjectMapper json) {
        List<OrderLine> lines = order.lines.stream()
                .map(l -> new OrderLine(l.lineNo, l.itemCode, l.quantity, l.unit)).toList();
        OrderAccepted event = new OrderAccepted(order.orderId.toString(), order.receiptId.toString(), order.terminalId,
                order.storeCode, order.sequence, order.deliveryDate, order.decidedAt, lines);
        return EventEnvelope.forPayload(eventId("accepted:" + order.orderId), order.storeCode, order.decidedAt, event,
                json);
    }

    private static UUID eventId(String identity) {
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The events of one transaction: each send starts when it is added, in order (events of one
     * store keep their order, the key being the store code); {@link #awaitConfirmed} waits for all.
     */
    public final class Publication {

        private final List<CompletableFuture<Void>> sends = new ArrayList<>();

        private Publication() {
        }

        private void send(MutinyEmitter<String> emitter, EventEnvelope event) {
            // Sending and forgetting hands the record to the producer now. The confirmation is
            // taken through a plain future completed by the producer's callback, with no context
            // of the calling thread (its transaction) carried over to that callback.
            CompletableFuture<Void> confirmed = new CompletableFuture<>();
            emitter.sendMessageAndForget(event.toMessage(confirmed));
            sends.add(confirmed);
        }

        /** Waits until the broker confirmed every event; a refusal or the timeout throws, and the transaction rolls back. */
        public void awaitConfirmed() {
            if (sends.isEmpty()) {
                return;
            }
            try {
                CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientFailure("interrupted while awaiting Kafka's confirmation", e);
            } catch (ExecutionException e) {
                throw new TransientFailure("Kafka refused an order event", e.getCause());
            } catch (TimeoutException e) {
                throw new TransientFailure("Kafka did not confirm " + sends.size() + " order events within " + timeout, e);
            }
        }
    }
}
