package jp.foodtrace.bounce.rate.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import jp.foodtrace.bounce.rate.repository.RateRepository;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.PermanentFailure;
import jp.foodtrace.messaging.events.MailOutcome;
import jp.foodtrace.messaging.events.MailRequested;

/** Which mail.events.v1 records count as sends, and which can never be processed. */
class SendLogTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final Instant OCCURRED = Instant.parse("2026-11-28T00:00:05Z");

    /** The sends SendLog asked to record, in order. */
    private final List<Object[]> recorded = new ArrayList<>();
    private final SendLog log = new SendLog(new RateRepository(null) {
        @Override
        public boolean recordSend(UUID eventId, String requestId, Instant sentAt) {
            recorded.add(new Object[] { eventId, requestId, sentAt });
            return true;
        }
    }, JSON);

    @Test
    void sentOutcomeIsOneSendAtItsOwnTime() {
        Instant at = Instant.parse("2026-11-28T00:00:00Z");
        EventEnvelope event = event(new MailOutcome("r1", "a@example.jp", "SENT", "account", "ses-1", null, at));
        assertTrue(log.onMailEvent(event));
        assertEquals(1, recorded.size());
        assertEquals(event.id(), recorded.get(0)[0]);
        assertEquals("r1", recorded.get(0)[1]);
        assertEquals(at, recorded.get(0)[2]);
    }

    @Test
    void sentOutcomeWithoutTimeIsASendAtTheEventTime() {
        assertTrue(log.onMailEvent(event(new MailOutcome("r2", "a@example.jp", "SENT", "account", "ses-2", null, null))));
        assertEquals(OCCURRED, recorded.get(0)[2]);
    }

    @Test
    void suppressedFailedAndUnknownOutcomesAreNoSends() {
        for (String outcome : List.of("SUPPRESSED", "FAILED", "UNKNOWN")) {
            assertFalse(log.onMailEvent(event(new MailOutcome("r", "a@example.jp", outcome, "account", null, "x",
                    OCCURRED))), outcome);
        }
        assertTrue(recorded.isEmpty());
    }

    @Test
    void outcomeWithoutOutcomeFieldCanNeverBeProcessed() {
        PermanentFailure failure = assertThrows(PermanentFailure.class, () -> log.onMailEvent(
                event(new MailOutcome("r", "a@example.jp", null, "account", null, null, OCCURRED))));
        assertTrue(failure.getMessage().contains("without outcome"), failure.getMessage());
    }

    @Test
    void unreadablePayloadOrAnotherEventTypeCanNeverBeProcessed() {
        EventEnvelope unreadable = new EventEnvelope(UUID.randomUUID(), "MailOutcome", "k", OCCURRED, Optional.empty(),
                "[1, 2");
        assertTrue(assertThrows(PermanentFailure.class, () -> log.onMailEvent(unreadable)).getMessage()
                .contains("payload is not a MailOutcome"));
        EventEnvelope other = EventEnvelope.forPayload(UUID.randomUUID(), "k", OCCURRED,
                new MailRequested("r", "k", "welcome", "ja", "account", Map.of()), JSON);
        assertTrue(assertThrows(PermanentFailure.class, () -> log.onMailEvent(other)).getMessage()
                .contains("unexpected event-type MailRequested"));
        assertTrue(recorded.isEmpty());
    }

    private static EventEnvelope event(MailOutcome outcome) {
        return EventEnvelope.forPayload(UUID.randomUUID(), outcome.recipient(), OCCURRED, outcome, JSON);
    }
}
