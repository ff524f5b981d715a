package jp.foodtrace.mail.messaging;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jp.foodtrace.mail.MailLogEntry;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.events.MailOutcome;

/** Publishes {@code mail.events.v1} (key: recipient) and waits for the broker to confirm the write. */
@ApplicationScoped
public class MailOutcomePublisher {

    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final Emitter<String> emitter;
    private final ObjectMapper json;

    public MailOutcomePublisher(@Channel(Channels.MAIL_EVENTS) Emitter<String> emitter, ObjectMapper json) {
        this.emitter = emitter;
        this.json = json;
    }

    public void publish(MailLogEntry entry) throws Exception {
        MailOutcome outcome = MailOutcomes.toEvent(entry);
        String payload;
        try {
            payload = json.writeValueAsString(outcome);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize outcome of " + entry.requestId(), e);
        }
        EventEnvelope envelope = new EventEnvelope(MailOutcomes.eventId(entry.requestId()),
                MailOutcome.class.getSimpleName(), entry.recipient(), outcome.at(), Optional.empty(), payload);
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<String> message = Message.of(payload)
                .withAck(() -> {
                    acked.complete(null);
                    return acked;
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return acked;
                })
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(entry.recipient())
                        .withHeaders(envelope.headers())
                        .build());
        emitter.send(message);
        acked.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
