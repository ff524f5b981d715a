package jp.foodtrace.bounce.ses.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.foodtrace.bounce.fact.Bounce;
import jp.foodtrace.bounce.ses.SesSamples;

class SesNotificationsTest {

    private final SesNotifications notifications = new SesNotifications(new ObjectMapper());

    @Test
    void permanentBounceIsHardWithReasonFromTheDiagnostic() {
        List<Bounce> facts = notifications.facts("sns-1",
                SesSamples.permanentBounce("a@example.jp", "smtp; 550 5.1.1 <a@example.jp>: user unknown"));
        assertEquals(1, facts.size());
        Bounce b = facts.get(0);
        assertEquals("a@example.jp", b.recipient());
        assertEquals(Boolean.TRUE, b.hardBounce());
        assertEquals("userunknown", b.reason());
        assertEquals("5.1.1", b.deliveryStatus());
        assertEquals("550", b.replyCode());
        assertEquals("failed", b.action());
        assertEquals("AmazonSES", b.reportingAgent());
        assertEquals("0100019abc-ses-message-id", b.messageId());
        assertEquals(Instant.parse("2026-11-28T05:16:00Z"), b.occurredAt());
        assertEquals(Bounce.idOf(Bounce.SES, "sns-1", "", "a@example.jp"), b.id());
    }

    @Test
    void reasonFallsBackToTheBounceSubType() {
        Bounce b = notifications.facts("sns-2", SesSamples.transientBounce("b@example.jp")).get(0);
        assertEquals(Boolean.FALSE, b.hardBounce());
        assertEquals("mailboxfull", b.reason());
        assertEquals("soft", b.kind());
        assertEquals("userunknown", SesNotifications.reason("", "NoEmail", true));
        assertEquals("suppressed", SesNotifications.reason("", "OnAccountSuppressionList", true));
        assertEquals("undefined", SesNotifications.reason("", "General", true));
    }

    @Test
    void complaintIsFeedbackWithItsFeedbackType() {
        Bounce b = notifications.facts("sns-3", SesSamples.complaint("c@example.jp")).get(0);
        assertEquals("feedback", b.reason());
        assertEquals("abuse", b.feedbackType());
        assertNull(b.hardBounce());
        assertTrue(b.complaint());
        assertEquals("complaint", b.kind());
    }

    @Test
    void deliveryNotificationGivesNoFact() {
        assertTrue(notifications.facts("sns-4", "{\"notificationType\":\"Delivery\",\"mail\":{}}").isEmpty());
    }

    @Test
    void envelopeWithoutTypeOrBounceWithoutRecipientsIsInvalid() {
        assertThrows(SesNotifications.InvalidNotification.class, () -> notifications.envelope("{\"Message\":\"x\"}"));
        assertThrows(SesNotifications.InvalidNotification.class, () -> notifications.envelope("not json"));
        assertThrows(SesNotifications.InvalidNotification.class,
                () -> notifications.facts("sns-5", "{\"notificationType\":\"Bounce\",\"bounce\":{}}"));
    }

    @Test
    void snsEnvelopeCarriesTheSesMessage() {
        SesNotifications.SnsMessage m = notifications.envelope(SesSamples.sns("id-1", SesSamples.complaint("d@example.jp")));
        assertEquals("Notification", m.type());
        assertEquals("id-1", m.messageId());
        assertEquals("d@example.jp", notifications.facts(m.messageId(), m.message()).get(0).recipient());
    }
}
