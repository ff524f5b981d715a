package jp.foodtrace.bounce.fact.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.MutinyEmitter;
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
public class BouncePublisher {

    private final MutinyEmitter<String> bounces;
    private final ObjectMapper json;
    private final Duration timeout;

    public BouncePublisher(@Channel(Channels.MAIL_BOUNCES_OUT) MutinyEmitter<String> bounces, ObjectMapper json,
            BounceConfig config) {
        this.bounces = bounces;
        this.json = json;
        this.timeout = config.publishTimeout();
    }

    /** Publishes the event of a newly stored fact and returns once the broker confirmed it (or throws). */
    public void recorded(Bounce fact) {
        recorded(List.of(fact));
    }

    /**
     * Publishes the events of newly stored facts and returns when the broker confirmed all of them
     * (or throws on the first failure or after the timeout).
     */
    public void recorded(List<Bounce> facts) {
        if (facts.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        for (Bounce fact : facts) {
            bounces.sendMessage(envelope(fact, now, json).toMessage()).await().atMost(timeout);
        }
    }

    /** The envelope of a fact's event: the fact's id as event id, the recipient as key. */
    static EventEnvelope envelope(Bounce fact, Instant now, ObjectMapper json) {
        return EventEnvelope.forPayload(fact.id(), fact.recipient(), now, toEvent(fact), json);
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
