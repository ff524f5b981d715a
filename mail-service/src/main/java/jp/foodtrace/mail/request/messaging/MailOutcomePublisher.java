package jp.foodtrace.mail.request.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.foodtrace.mail.messaging.Channels;
import jp.foodtrace.mail.request.MailLogEntry;
import jp.foodtrace.mail.request.repository.MailLogRepository;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.events.MailOutcome;

/**
 * Publishes {@code mail.events.v1} (key: recipient) and waits for the broker to confirm the write:
 * the dispatcher marks an outcome published only after that, and housekeeping publishes again what
 * was not confirmed. The event id is derived from the request id, so a second publication is a
 * duplicate to consumers.
 */
@ApplicationScoped
public class MailOutcomePublisher {

    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final Emitter<String> emitter;
    private final ObjectMapper json;

    public MailOutcomePublisher(@Channel(Channels.MAIL_EVENTS) Emitter<String> emitter, ObjectMapper json) {
        this.emitter = emitter;
        this.json = json;
    }

    /** Publishes the outcome of a finished request and returns once the broker confirmed it (or throws). */
    public void publish(MailLogEntry entry) throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        emitter.send(envelope(entry, json).toMessage(confirmed));
        confirmed.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Publishes the BOUNCED event of a sent request and returns once the broker confirmed it (or throws). */
    public void publishBounced(MailLogRepository.Bounced bounced)
            throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        MailLogEntry entry = bounced.entry();
        MailOutcome outcome = MailOutcomes.bouncedEvent(entry, bounced.bounceId(), bounced.bouncedAt());
        emitter.send(EventEnvelope.forPayload(MailOutcomes.bouncedEventId(entry.requestId()), entry.recipient(),
                outcome.at(), outcome, json).toMessage(confirmed));
        confirmed.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** The envelope of a request's outcome: stable event id, the recipient as key, the finish time. */
    static EventEnvelope envelope(MailLogEntry entry, ObjectMapper json) {
        MailOutcome outcome = MailOutcomes.toEvent(entry);
        return EventEnvelope.forPayload(MailOutcomes.eventId(entry.requestId()), entry.recipient(), outcome.at(),
                outcome, json);
    }
}
