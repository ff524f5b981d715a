package jp.foodtrace.bounce.rate.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.foodtrace.bounce.rate.repository.RateRepository;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.PermanentFailure;
import jp.foodtrace.messaging.events.MailOutcome;

/**
 * Counts sends from {@code mail.events.v1}: a {@link MailOutcome} with outcome {@code SENT} is one
 * send at its time. Other outcomes (SUPPRESSED, FAILED, and UNKNOWN, which may or may not have
 * left) do not count.
 */
@ApplicationScoped
public class SendLog {

    public static final String SENT = "SENT";

    private final RateRepository repository;
    private final ObjectMapper json;

    public SendLog(RateRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    /** Takes one mail event; a payload that is not a MailOutcome can never be processed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean onMailEvent(EventEnvelope event) {
        if (!MailOutcome.class.getSimpleName().equals(event.type())) {
            // Another event type on the topic is not ours to count; newer producers may add some.
            return false;
        }
        MailOutcome outcome;
        try {
            outcome = json.readValue(event.payload(), MailOutcome.class);
        } catch (JsonProcessingException e) {
            throw new PermanentFailure("payload is not a MailOutcome: " + e.getOriginalMessage());
        }
        if (outcome.outcome() == null) {
            throw new PermanentFailure("MailOutcome without outcome");
        }
        if (!SENT.equals(outcome.outcome())) {
            return false;
        }
        return repository.recordSend(event.id(), outcome.requestId(),
                outcome.at() != null ? outcome.at() : event.occurredAt());
    }
}
