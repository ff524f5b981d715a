package jp.foodtrace.mail.request.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.foodtrace.mail.request.MailCategory;
import jp.foodtrace.mail.request.MailLocale;
import jp.foodtrace.mail.request.MailLogEntry;
import jp.foodtrace.mail.request.MailStatus;
import jp.foodtrace.messaging.events.MailOutcome;

class MailOutcomesTest {

    private static final Instant AT = Instant.parse("2026-03-01T00:00:00Z");

    static MailLogEntry entry(MailStatus status, String transportId, String reason) {
        return new MailLogEntry("r-1", "member@example.jp", "recall-notice", MailLocale.JA, MailCategory.NOTICE,
                Map.of(), "rest", status, 1, "<m@x>", null, "ses", transportId, reason, AT.minusSeconds(5), AT);
    }

    @Test
    void sentCarriesTheTransportMessageId() {
        MailOutcome outcome = MailOutcomes.toEvent(entry(MailStatus.SENT, "ses-id-1", null));
        assertEquals(new MailOutcome("r-1", "member@example.jp", "SENT", "notice", "ses-id-1", null, AT), outcome);
    }

    @Test
    void suppressedAndFailedCarryTheirReasonAndNoMessageId() {
        MailOutcome suppressed = MailOutcomes.toEvent(entry(MailStatus.SUPPRESSED, null, "suppressed: complaint"));
        assertEquals("SUPPRESSED", suppressed.outcome());
        assertEquals("suppressed: complaint", suppressed.reason());
        assertNull(suppressed.sesMessageId());
        assertEquals("FAILED", MailOutcomes.toEvent(entry(MailStatus.FAILED, null, "rejected")).outcome());
    }

    @Test
    void unknownLeavesAsUnknownWithItsReason() {
        assertEquals("UNKNOWN", MailOutcomes.toEvent(entry(MailStatus.UNKNOWN, null, "outcome unknown")).outcome());
    }

    @Test
    void unfinishedRequestHasNoOutcome() {
        assertThrows(IllegalArgumentException.class, () -> MailOutcomes.toEvent(entry(MailStatus.SENDING, null, null)));
    }

    @Test
    void eventIdIsStablePerRequest() {
        assertEquals(MailOutcomes.eventId("r-1"), MailOutcomes.eventId("r-1"));
        assertNotEquals(MailOutcomes.eventId("r-1"), MailOutcomes.eventId("r-2"));
    }
}
