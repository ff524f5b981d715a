package jp.foodtrace.bounce.fact.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import jp.foodtrace.bounce.analysis.BounceFact;
import jp.foodtrace.bounce.fact.Bounce;

/** Stored fact → API view. */
class BounceViewTest {

    @Test
    void apiViewShowsTheSourceOfTheFact() {
        BounceFact verdict = new BounceFact("a@example.jp", "userunknown", "5.1.1", true, "failed", "550", "SMTP",
                "550 5.1.1 unknown", "Postfix", Instant.parse("2026-11-28T05:16:00Z"), "orig@mail.foodtrace.jp", "");
        BounceView view = BounceView.of(Bounce.fromObject("inbound/x.eml", "etag1", verdict));
        assertEquals("s3", view.sourceKind());
        assertEquals("inbound/x.eml", view.source());
        assertEquals("userunknown", view.reason());
        assertEquals(Boolean.TRUE, view.hardBounce());
        assertFalse(view.complaint());
    }
}
