package jp.foodtrace.mail.request.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.foodtrace.mail.request.MailCategory;
import jp.foodtrace.mail.request.MailLocale;
import jp.foodtrace.mail.request.MailLogEntry;
import jp.foodtrace.mail.request.MailStatus;

class MailRequestViewTest {

    @Test
    void viewShowsStatusAndIdsButNeitherParametersNorTheRawMessage() {
        Instant created = Instant.parse("2026-03-01T00:00:00Z");
        MailLogEntry entry = new MailLogEntry("r-1", "member@example.jp", "shipment-notice", MailLocale.EN,
                MailCategory.NOTICE, Map.of("memberName", "x"), "topic", MailStatus.SENT, 2, "<m@x>", new byte[] { 1 },
                "ses", "ses-1", null, created, created.plusSeconds(1));
        assertEquals(new MailRequestView("r-1", "member@example.jp", "shipment-notice", "en", "notice", "SENT", 2, "ses",
                "ses-1", "<m@x>", null, created, created.plusSeconds(1), null), MailRequestView.of(entry));
    }
}
