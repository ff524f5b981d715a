package jp.foodtrace.bounce.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import jp.foodtrace.bounce.analysis.BounceFact;

/** Analyzer verdict → stored fact, and the fact's id derived from its source. */
class BounceTest {

    static final BounceFact VERDICT = new BounceFact("a@example.jp", "userunknown", "5.1.1", true, "failed",
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
}
