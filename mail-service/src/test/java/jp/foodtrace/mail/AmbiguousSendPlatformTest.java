package jp.foodtrace.mail;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.foodtrace.mail.request.MailCategory;
import jp.foodtrace.mail.template.RenderedMail;
import jp.foodtrace.mail.template.service.MimeComposer;
import jp.foodtrace.mail.transport.client.OutgoingMail;
import jp.foodtrace.mail.transport.client.SmtpMailTransport;
import jp.foodtrace.mail.transport.client.TransportFailure;
import jp.foodtrace.messaging.events.MailOutcome;
import jp.foodtrace.testsupport.FaultInjectingProxy;
import jp.foodtrace.testsupport.Management;
import jp.foodtrace.testsupport.TestPlatform;

/**
 * Sends that break on the wire, against the real SES endpoint and SMTP sink behind a
 * {@link FaultInjectingProxy}: a send that certainly did not happen is retried and sent once; a
 * send whose request reached the server but whose answer never came back ends UNKNOWN and is never
 * repeated (README: Ambiguous sends).
 *
 * <p>Ordered, because the SES client keeps its HTTP connection to the proxy alive: the refused
 * case runs first, while the client has never connected.
 */
@QuarkusTest
@WithTestResource(value = SesFaultProxyResource.class, initArgs = {
        @ResourceArg(name = "service", value = "mail-service"),
        @ResourceArg(name = "parts", value = "KAFKA,SES,SMTP") })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AmbiguousSendPlatformTest {

    /** Longer than the first backoff (1 s, at most) with room for a worker to pick the request up. */
    private static final Duration LONGER_THAN_FIRST_BACKOFF = Duration.ofSeconds(4);

    FaultInjectingProxy proxy;

    @Inject
    ObjectMapper json;

    @Inject
    MimeComposer composer;

    @Test
    @Order(1)
    void refusedConnectionIsRetriedAndSentOnce() throws Exception {
        proxy.refuse();
        String recipient = MailTestSupport.uniqueRecipient("refused");
        String requestId = "refused-" + UUID.randomUUID();
        post(requestId, recipient);

        JsonPath refused = MailTestSupport.awaitView(requestId, v -> "PENDING".equals(v.getString("status"))
                && v.getInt("attempts") >= 1 && v.getString("reason") != null, "was never given back after a refusal");
        assertTrue(refused.getString("reason").contains("Connection refused"), refused.prettify());
        assertTrue(MailTestSupport.sesMessagesTo(recipient).isEmpty());

        proxy.passThrough();
        JsonPath view = MailTestSupport.awaitFinished(requestId);
        assertEquals("SENT", view.getString("status"), view.prettify());
        assertTrue(view.getInt("attempts") >= 2, view.prettify());
        assertEquals(1, MailTestSupport.sesMessagesTo(recipient).size());
    }

    @Test
    @Order(2)
    void ambiguousSesSendIsMarkedUnknownAndNotResent() throws Exception {
        proxy.swallowAnswerAfter("");
        int swallowedBefore = proxy.swallowedAnswers();
        String recipient = MailTestSupport.uniqueRecipient("ambiguous");
        String requestId = "ambiguous-" + UUID.randomUUID();
        post(requestId, recipient);

        JsonPath view = MailTestSupport.awaitFinished(requestId);
        assertEquals("UNKNOWN", view.getString("status"), view.prettify());
        assertEquals(1, view.getInt("attempts"), view.prettify());
        assertTrue(view.getString("reason").startsWith("outcome unknown: no answer from SES for request ops/" + requestId),
                view.getString("reason"));
        assertTrue(view.getString("reason").endsWith("; not resent"), view.getString("reason"));
        assertEquals(swallowedBefore + 1, proxy.swallowedAnswers(), "the endpoint answered once and the answer was lost");
        assertEquals(1, MailTestSupport.sesMessagesTo(recipient).size(), "SES got the message once");

        int connections = proxy.acceptedConnections();
        int swallowed = proxy.swallowedAnswers();
        await("no further attempt reaches the SES endpoint").during(LONGER_THAN_FIRST_BACKOFF)
                .atMost(LONGER_THAN_FIRST_BACKOFF.plusSeconds(2))
                .until(() -> proxy.acceptedConnections() == connections && proxy.swallowedAnswers() == swallowed);
        assertEquals(1, MailTestSupport.sesMessagesTo(recipient).size(), "the message is not sent again");
        JsonPath later = MailTestSupport.ops().get("/v1/mail/requests/" + requestId).then().statusCode(200).extract().jsonPath();
        assertEquals("UNKNOWN", later.getString("status"));
        assertEquals(1, later.getInt("attempts"));

        // Ops find it in the list of UNKNOWN requests.
        List<String> unknown = MailTestSupport.ops().queryParam("status", "UNKNOWN").queryParam("limit", 1000)
                .get("/v1/mail/requests").then().statusCode(200).extract().jsonPath().getList("requestId");
        assertTrue(unknown.contains(requestId), unknown.toString());

        // The outcome leaves like every final outcome, as UNKNOWN (not counted as a send), with the reason.
        ConsumerRecord<String, String> event = MailTestSupport.awaitOutcomeEvent(requestId);
        MailOutcome outcome = json.readValue(event.value(), MailOutcome.class);
        assertEquals("UNKNOWN", outcome.outcome());
        assertEquals(later.getString("reason"), outcome.reason());

        String metrics = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("suite_mail_service_sends_total{")
                && l.contains("outcome=\"unknown\"") && l.contains("transport=\"ses\"")), "unknown sends are counted");
    }

    @Test
    @Order(3)
    void opsListTakesOnlyStatusesThatNeedOps() {
        MailTestSupport.ops().queryParam("status", "SENT").get("/v1/mail/requests").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    @Order(4)
    void smtpSessionBrokenAfterTheEndOfDataIsAmbiguousAndBeforeItIsRetriable() throws Exception {
        try (FaultInjectingProxy relay = FaultInjectingProxy.refusingTo("127.0.0.1",
                TestPlatform.current().config().smtpPort())) {
            SmtpMailTransport smtp = new SmtpMailTransport("127.0.0.1", relay.port(), 2000, "bounces@mail.foodtrace.jp");

            String refusedTo = MailTestSupport.uniqueRecipient("smtp-refused");
            TransportFailure refused = assertThrows(TransportFailure.class, () -> smtp.send(mail(refusedTo)));
            assertEquals(TransportFailure.Kind.TRANSIENT, refused.kind(), refused.getMessage());

            relay.swallowAnswerAfter("\r\n.\r\n");
            String recipient = MailTestSupport.uniqueRecipient("smtp-ambiguous");
            TransportFailure lost = assertThrows(TransportFailure.class, () -> smtp.send(mail(recipient)));
            assertEquals(TransportFailure.Kind.AMBIGUOUS, lost.kind(), lost.getMessage());
            await("the relay took the message whose answer was lost").atMost(MailTestSupport.WAIT)
                    .until(() -> MailTestSupport.smtpInbox(recipient).getList("$").size() == 1);
        }
    }

    private OutgoingMail mail(String recipient) {
        byte[] raw = composer.compose(recipient, new RenderedMail("件名", "本文", "<p>本文</p>"), composer.newMessageId(),
                Instant.now(), Optional.empty());
        return new OutgoingMail("smtp-" + UUID.randomUUID(), recipient, MailCategory.TRANSACTIONAL, raw);
    }

    private static void post(String requestId, String recipient) {
        MailTestSupport.ops().contentType("application/json").body(MailTestSupport.accountNoticeJson(requestId, recipient))
                .post("/v1/mail/requests").then().statusCode(202);
    }
}
