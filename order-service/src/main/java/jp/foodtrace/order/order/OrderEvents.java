package jp.foodtrace.order.order;

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
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.TransientFailure;
import jp.foodtrace.messaging.events.OrderAccepted;
import jp.foodtrace.messaging.events.OrderLine;
import jp.foodtrace.messaging.events.OrderStatusChanged;
import jp.foodtrace.order.config.OrderConfig;
import jp.foodtrace.order.messaging.Channels;

/**
 * Publishes what happened to orders, inside the transaction that recorded them: every send of the
 * transaction starts at once into a {@link Publication}, and the transaction awaits the broker's
 * confirmation of all of them before it commits, so nothing is committed unless the broker
 * confirmed its events. A failure rolls the transaction back and the consumed records are
 * processed again. Event ids are derived from the order and the status, so a re-run publishes the
 * same event ids and downstream inboxes drop the repeat.
 */
@ApplicationScoped
public class OrderEvents {

    private final MutinyEmitter<String> status;
    private final MutinyEmitter<String> accepted;
    private final ObjectMapper json;
    private final Duration timeout;

    /**
     * The emitters buffer without bound: a transaction starts all its sends before it awaits any
     * (a poll of orders, or a shipment batch naming thousands of orders), more than the default
     * buffer holds; the batch size bounds what waits there.
     */
    public OrderEvents(
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

    public void statusChanged(Publication publication, StoreOrder order, List<OrderStatusChanged.LineRejection> rejections,
            Instant at) {
        OrderStatusChanged event = new OrderStatusChanged(order.receiptId.toString(), order.orderId.toString(),
                order.terminalId, order.storeCode, order.status, at, rejections, order.shipmentId);
        publication.send(status, event, order.storeCode, "status:" + order.orderId + ":" + order.status);
    }

    public void accepted(Publication publication, StoreOrder order) {
        List<OrderLine> lines = order.lines.stream()
                .map(l -> new OrderLine(l.lineNo, l.itemCode, l.quantity, l.unit)).toList();
        OrderAccepted event = new OrderAccepted(order.orderId.toString(), order.receiptId.toString(), order.terminalId,
                order.storeCode, order.sequence, order.deliveryDate, order.decidedAt, lines);
        publication.send(accepted, event, order.storeCode, "accepted:" + order.orderId);
    }

    /**
     * The events of one transaction: each send starts when it is added, in order (events of one
     * store keep their order, the key being the store code); {@link #awaitConfirmed} waits for all.
     */
    public final class Publication {

        private final List<CompletableFuture<Void>> sends = new ArrayList<>();

        private Publication() {
        }

        private void send(MutinyEmitter<String> emitter, Object payload, String key, String identity) {
            String body;
            try {
                body = json.writeValueAsString(payload);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            EventEnvelope event = new EventEnvelope(UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)),
                    payload.getClass().getSimpleName(), key, Instant.now(), Optional.empty(), body);
            // The Uni is lazy: subscribing hands the record to the producer now. The confirmation
            // is taken through a plain future completed by the producer's callback, with no
            // context of the calling thread (its transaction) carried over to that callback.
            CompletableFuture<Void> confirmed = new CompletableFuture<>();
            Message<String> message = Message.of(body).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(key).withHeaders(event.headers()).build())
                    .withAck(() -> {
                        confirmed.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(failure -> {
                        confirmed.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    });
            emitter.sendMessageAndForget(message);
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
