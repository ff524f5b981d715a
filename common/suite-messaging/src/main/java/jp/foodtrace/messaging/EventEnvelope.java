package jp.foodtrace.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * The one event envelope of the suite: id, type, aggregate id (the Kafka key, which keeps one
 * aggregate's events in order), time and JSON payload. On the wire the envelope fields travel
 * as record headers and the key; the record value is the payload alone.
 */
public record EventEnvelope(UUID id, String type, String aggregateId, Instant occurredAt,
        Optional<String> traceparent, String payload) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(traceparent, "traceparent");
        Objects.requireNonNull(payload, "payload");
    }

    /** A new event with a fresh id, happening now, in the trace of the current span ({@link Tracing}). */
    public static EventEnvelope of(String type, String aggregateId, String payload) {
        return new EventEnvelope(UUID.randomUUID(), type, aggregateId, Instant.now(), Tracing.current(), payload);
    }

    /**
     * An event whose payload is the JSON of an event record; its type is the record's simple class
     * name (the {@code event-type} every consumer checks with {@link #payloadAs}). It carries the
     * trace of the current span, if any: the request or the consumed event it was made for.
     */
    public static EventEnvelope forPayload(UUID id, String aggregateId, Instant occurredAt, Object payload,
            ObjectMapper json) {
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload " + payload.getClass().getSimpleName() + " not serialisable", e);
        }
        return new EventEnvelope(id, payload.getClass().getSimpleName(), aggregateId, occurredAt, Tracing.current(),
                body);
    }

    /** The same event in another trace: the one of the order or request it was made for. */
    public EventEnvelope withTraceparent(Optional<String> traceparent) {
        return new EventEnvelope(id, type, aggregateId, occurredAt, traceparent, payload);
    }

    /** The record to hand to an emitter: the payload as value, the aggregate id as key, the envelope as headers. */
    public Message<String> toMessage() {
        return Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(aggregateId)
                .withHeaders(headers())
                .build());
    }

    /**
     * The record, completing {@code confirmed} when the broker acknowledged it or failed to. The
     * future is completed by the producer's callback with no context of the sending thread (no
     * transaction) carried over, so a caller may wait for it inside its own transaction.
     */
    public Message<String> toMessage(CompletableFuture<Void> confirmed) {
        return toMessage()
                .withAck(() -> {
                    confirmed.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    confirmed.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
    }

    /**
     * The payload as the event record it must be. The {@code event-type} header must name the
     * record ({@code OrderAccepted}), and the JSON must read as one; otherwise the record can never
     * be processed: a {@link PermanentFailure}.
     */
    public <T> T payloadAs(Class<T> type, ObjectMapper json) {
        if (!type.getSimpleName().equals(this.type)) {
            throw new PermanentFailure("unexpected event-type " + this.type + ", expected " + type.getSimpleName());
        }
        T value;
        try {
            value = json.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new PermanentFailure("payload is not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
        if (value == null) {
            throw new PermanentFailure("payload of " + type.getSimpleName() + " is null");
        }
        return value;
    }

    public Headers headers() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_ID, utf8(id.toString()));
        headers.add(EventHeaders.EVENT_TYPE, utf8(type));
        headers.add(EventHeaders.OCCURRED_AT, utf8(occurredAt.toString()));
        traceparent.ifPresent(tp -> headers.add(EventHeaders.TRACEPARENT, utf8(tp)));
        return headers;
    }

    /**
     * Reads an envelope back from a record. A record without a usable id, type or time can never
     * be processed, so this is a {@link PermanentFailure} (the record goes to the dead-letter topic).
     */
    public static EventEnvelope from(String key, Headers headers, String value) {
        if (key == null || key.isBlank()) {
            throw new PermanentFailure("record has no key");
        }
        if (value == null) {
            throw new PermanentFailure("record has no value");
        }
        String rawId = required(headers, EventHeaders.EVENT_ID);
        UUID id;
        try {
            id = UUID.fromString(rawId);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailure("header " + EventHeaders.EVENT_ID + " is not a UUID: " + rawId);
        }
        String type = required(headers, EventHeaders.EVENT_TYPE);
        String rawTime = required(headers, EventHeaders.OCCURRED_AT);
        Instant occurredAt;
        try {
            occurredAt = Instant.parse(rawTime);
        } catch (DateTimeParseException e) {
            throw new PermanentFailure("header " + EventHeaders.OCCURRED_AT + " is not ISO-8601: " + rawTime);
        }
        return new EventEnvelope(id, type, key, occurredAt, optional(headers, EventHeaders.TRACEPARENT), value);
    }

    private static String required(Headers headers, String name) {
        return optional(headers, name)
                .filter(v -> !v.isBlank())
                .orElseThrow(() -> new PermanentFailure("missing header " + name));
    }

    private static Optional<String> optional(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
