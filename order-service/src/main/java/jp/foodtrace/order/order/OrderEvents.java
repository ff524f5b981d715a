package jp.foodtrace.order.order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.events.OrderAccepted;
import jp.foodtrace.messaging.events.OrderLine;
import jp.foodtrace.messaging.events.OrderStatusChanged;
import jp.foodtrace.order.config.OrderConfig;
import jp.foodtrace.order.messaging.Channels;

/**
 * Publishes what happened to an order, inside the transaction that recorded it and waiting for
 * the broker's confirmation: a failure rolls the transaction back and the consumed record is
 * processed again. Event ids are derived from the order and the status, so a re-run publishes
 * the same event ids and downstream inboxes drop the repeat.
 */
@ApplicationScoped
public class OrderEvents {

    private final MutinyEmitter<String> status;
    private final MutinyEmitter<String> accepted;
    private final ObjectMapper json;
    private final Duration timeout;

    public OrderEvents(@Channel(Channels.ORDERS_STATUS_OUT) MutinyEmitter<String> status,
            @Channel(Channels.ORDERS_ACCEPTED_OUT) MutinyEmitter<String> accepted, ObjectMapper json,
            OrderConfig config) {
        this.status = status;
        this.accepted = accepted;
        this.json = json;
        this.timeout = config.publishTimeout();
    }

    public void statusChanged(StoreOrder order, List<OrderStatusChanged.LineRejection> rejections, Instant at) {
        OrderStatusChanged event = new OrderStatusChanged(order.receiptId.toString(), order.orderId.toString(),
                order.terminalId, order.storeCode, order.status, at, rejections, order.shipmentId);
        send(status, event, order.storeCode, "status:" + order.orderId + ":" + order.status);
    }

    public void accepted(StoreOrder order) {
        List<OrderLine> lines = order.lines.stream()
                .map(l -> new OrderLine(l.lineNo, l.itemCode, l.quantity, l.unit)).toList();
        OrderAccepted event = new OrderAccepted(order.orderId.toString(), order.receiptId.toString(), order.terminalId,
                order.storeCode, order.sequence, order.deliveryDate, order.decidedAt, lines);
        send(accepted, event, order.storeCode, "accepted:" + order.orderId);
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
        emitter.sendMessage(Message.of(body).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key).withHeaders(event.headers()).build())).await().atMost(timeout);
    }
}
