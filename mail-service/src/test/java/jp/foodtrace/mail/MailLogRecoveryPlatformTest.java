package jp.foodtrace.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.foodtrace.data.Jdbc;
import jp.foodtrace.messaging.events.MailOutcome;
import jp.foodtrace.testsupport.SuitePlatformResource;

/**
 * What the mail log does with requests an instance left behind when it died: rows are written
 * as a crashed instance leaves them, and the running dispatcher's housekeeping must sort them out.
 */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "mail-service"),
        @ResourceArg(name = "parts", value = "KAFKA,SES,SMTP") })
class MailLogRecoveryPlatformTest {

    @Inject
    Jdbc jdbc;

    @Inject
    ObjectMapper json;

    @Test
    void requestLeftClaimedByACrashIsSentExactlyOnceAfterTheClaimLease() throws Exception {
        String recipient = MailTestSupport.uniqueRecipient("claimed");
        String requestId = "claimed-" + UUID.randomUUID();
        insertAbandoned(requestId, recipient, "CLAIMED");

        JsonPath view = MailTestSupport.awaitFinished(requestId);
        assertEquals("SENT", view.getString("status"), view.prettify());
        assertEquals(2, view.getInt("attempts"), "the abandoned claim counts as one attempt");
        assertEquals(1, MailTestSupport.sesMessagesTo(recipient).size());
    }

    @Test
    void requestLeftSendingByACrashEndsUnknownAndIsNotResent() throws Exception {
        String recipient = MailTestSupport.uniqueRecipient("sending");
        String requestId = "sending-" + UUID.randomUUID();
        insertAbandoned(requestId, recipient, "SENDING");

        JsonPath view = MailTestSupport.awaitFinished(requestId);
        assertEquals("UNKNOWN", view.getString("status"), view.prettify());
        assertTrue(view.getString("reason").startsWith("outcome unknown"), view.getString("reason"));
        assertTrue(MailTestSupport.sesMessagesTo(recipient).isEmpty(), "an ambiguous request must not be sent again");

        ConsumerRecord<String, String> event = MailTestSupport.awaitOutcomeEvent(requestId);
        MailOutcome outcome = json.readValue(event.value(), MailOutcome.class);
        assertEquals("UNKNOWN", outcome.outcome());
        assertTrue(outcome.reason().startsWith("outcome unknown"), outcome.reason());
    }

    /** A row as an instance that died ten minutes ago in the given state leaves it. */
    private void insertAbandoned(String requestId, String recipient, String status) throws Exception {
        jdbc.update("""
                INSERT INTO mail_log (request_id, recipient, template_id, locale, category, parameters, origin, status,
                                      attempts, claimed_at, transport)
                VALUES (?, ?, 'account-notice', 'ja', 'transactional', ?::jsonb, 'rest', ?, 1,
                        now() - interval '10 minutes', 'ses')""", requestId, recipient,
                json.writeValueAsString(Map.of("memberName", "山田 太郎", "event", "ログイン", "occurredAt", "2026-03-01 09:00")),
                status);
    }
}
