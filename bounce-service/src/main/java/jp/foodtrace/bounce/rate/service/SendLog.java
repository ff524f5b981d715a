package jp.foodtrace.bounce.rate.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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

    /**
     * Takes one mail event; true when it was a send counted now. mail-service puts only
     * MailOutcome on the topic, so any other payload can never be processed (dead letter).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean onMailEvent(EventEnvelope event) {
        MailOutcome outcome = event.payloadAs(MailOutcome.class, json);
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
