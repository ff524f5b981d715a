package jp.foodtrace.bounce.fact.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jp.foodtrace.bounce.config.BounceConfig;
import jp.foodtrace.bounce.fact.Bounce;
import jp.foodtrace.bounce.messaging.Channels;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.events.BounceRecorded;

/**
 * Publishes {@code mail.bounces.v1}, key recipient, waiting for the broker's confirmation so that
 * a failure rolls back the transaction that stored the fact. The event id is the fact's id, which
 * is derived from its source: publishing the same fact again gives the same event id, and
 * mail-service's inbox drops the repeat.
 */
@ApplicationScoped
public class BounceEvents {

    private final MutinyEmitter<String> bounces;
    private final ObjectMapper json;
    private final Duration timeout;

    public BounceEvents(@Channel(Channels.MAIL_BOUNCES_OUT) MutinyEmitter<String> bounces, ObjectMapper json,
            BounceConfig config) {
        this.bounces = bounces;
        this.json = json;
        this.timeout = config.publishTimeout();
    }

    public void recorded(Bounce fact) {
        BounceRecorded event = toEvent(fact);
        String body;
        try {
            body = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        EventEnvelope envelope = new EventEnvelope(fact.id(), BounceRecorded.class.getSimpleName(), fact.recipient(),
                Instant.now(), Optional.empty(), body);
        bounces.sendMessage(Message.of(body).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(fact.recipient()).withHeaders(envelope.headers()).build())).await().atMost(timeout);
    }

    /** The event for a stored fact; {@code at} is the reported time, else the time it was recorded. */
    public static BounceRecorded toEvent(Bounce fact) {
        Instant at = fact.occurredAt() != null ? fact.occurredAt()
                : fact.recordedAt() != null ? fact.recordedAt() : Instant.now();
        return new BounceRecorded(fact.id().toString(), fact.recipient(), fact.reason(),
                Boolean.TRUE.equals(fact.hardBounce()), fact.deliveryStatus(), fact.feedbackType(),
                fact.diagnosticCode(), fact.messageId(), at);
    }
}
