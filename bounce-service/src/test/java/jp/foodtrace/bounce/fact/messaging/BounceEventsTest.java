package jp.foodtrace.bounce.fact.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import jp.foodtrace.bounce.analysis.BounceFact;
import jp.foodtrace.bounce.fact.Bounce;
import jp.foodtrace.bounce.fact.rest.BounceView;
import jp.foodtrace.messaging.events.BounceRecorded;

/** Analyzer verdict → stored fact → event and API view: the mappings between the three types. */
class BounceEventsTest {

    private static final BounceFact VERDICT = new BounceFact("a@example.jp", "userunknown", "5.1.1", true, "failed",
            "550", "SMTP", "550 5.1.1 unknown", "Postfix", Instant.parse("2026-11-28T05:16:00Z"), "orig@mail.foodtrace.jp",
            "");

    @Test
    void factFromAnObjectKeepsEveryFieldOfTheVerdictAndItsSource() {
        Bounce b = Bounce.fromObject("inbound/x.eml", "etag1", VERDICT);
        assertEquals(Bounce.S3, b.source());
        assertEquals("inbound/x.eml", b.sourceRef());
        assertEquals("etag1", b.sourceVersion());
        assertEquals("a@example.jp", b.recipient());
        assertEquals("userunknown", b.reason());
        assertEquals(Boolean.TRUE, b.hardBounce());
        assertEquals("5.1.1", b.deliveryStatus());
        assertEquals("550", b.replyCode());
        assertEquals("SMTP", b.diagnosticType());
        assertEquals("Postfix", b.reportingAgent());
        assertEquals("orig@mail.foodtrace.jp", b.messageId());
        assertEquals(VERDICT.timestamp(), b.occurredAt());
        assertEquals("hard", b.kind());
    }

    @Test
    void factIdIsTheSameForTheSameObjectVersionAndRecipientOnly() {
        Bounce b = Bounce.fromObject("inbound/x.eml", "etag1", VERDICT);
        assertEquals(b.id(), Bounce.fromObject("inbound/x.eml", "etag1", VERDICT).id());
        assertNotEquals(b.id(), Bounce.fromObject("inbound/x.eml", "etag2", VERDICT).id());
        assertNotEquals(b.id(), Bounce.idOf(Bounce.S3, "inbound/x.eml", "etag1", "b@example.jp"));
        assertNotEquals(b.id(), Bounce.idOf(Bounce.SES, "inbound/x.eml", "etag1", "a@example.jp"));
    }

    @Test
    void eventCarriesTheFactIdAndAComplaintIsNoHardBounce() {
        Bounce b = Bounce.fromObject("inbound/x.eml", "etag1", VERDICT);
        BounceRecorded event = BounceEvents.toEvent(b);
        assertEquals(b.id().toString(), event.bounceId());
        assertEquals("a@example.jp", event.recipient());
        assertTrue(event.hardBounce());
        assertEquals("orig@mail.foodtrace.jp", event.originalMessageId());
        assertEquals(VERDICT.timestamp(), event.at());

        BounceFact complaint = new BounceFact("c@example.jp", "feedback", "", null, "", "", "", "spam", "Feedback-Loop",
                null, "", "abuse");
        BounceRecorded complained = BounceEvents.toEvent(Bounce.fromObject("inbound/y.eml", "e", complaint));
        assertFalse(complained.hardBounce());
        assertEquals("abuse", complained.feedbackType());
        assertTrue(complained.at() != null, "a report without a date is dated when recorded");
    }

    @Test
    void apiViewShowsTheSourceOfTheFact() {
        BounceView view = BounceView.of(Bounce.fromObject("inbound/x.eml", "etag1", VERDICT));
        assertEquals("s3", view.sourceKind());
        assertEquals("inbound/x.eml", view.source());
        assertEquals("userunknown", view.reason());
        assertFalse(view.complaint());
    }
}
