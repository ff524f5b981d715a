package jp.foodtrace.mail;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.foodtrace.mail.request.repository.MailLogRepository;
import jp.foodtrace.mail.template.service.MimeComposer;
import jp.foodtrace.mail.unsubscribe.service.UnsubscribeTokens;
import jp.foodtrace.mail.request.MailCategory;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.Inbox;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.messaging.events.BounceRecorded;
import jp.foodtrace.messaging.events.MailOutcome;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;

/**
 * Who can make mail-service act, on the real platform: bounces and complaints only for mail we
 * sent, recall mail that only a hard bounce stops, no unsubscribe from transactional or recall
 * mail, and sender tokens on the request API.
 */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "mail-service"),
        @ResourceArg(name = "parts", value = "KAFKA,SES,SMTP") })
class MailTrustPlatformTest {

    private static final String NEWSLETTER_TOKEN = "test-newsletter-token";

    @Inject
    MailLogRepository log;

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper json;

    @Inject
    MimeComposer composer;

    @Inject
    UnsubscribeTokens tokens;

    @Inject
    MeterRegistry meters;

    @Test
    void aForgedComplaintForAnAddressNeverMailedSuppressesNothing() throws Exception {
        // What a forged ARF report (Feedback-Type: abuse, Original-Rcpt-To: an address we never mailed)
        // becomes once bounce-service analysed it.
        String victim = MailTestSupport.uniqueRecipient("forged-arf");
        double unmatchedBefore = facts("unmatched");
        BounceRecorded forged = new BounceRecorded("arf-" + UUID.randomUUID(), victim, "feedback", false, null, "abuse",
                null, null, Instant.now());
        consume(forged);

        String requestId = "after-forged-" + UUID.randomUUID();
        MailTestSupport.ops().contentType("application/json").body(MailTestSupport.accountNoticeJson(requestId, victim))
                .post("/v1/mail/requests").then().statusCode(202);
        assertEquals("SENT", MailTestSupport.awaitFinished(requestId).getString("status"));
        assertEquals(1, MailTestSupport.sesMessagesTo(victim).size());

        // Recorded and counted as unmatched, listed for ops, suppressing nothing.
        assertEquals(unmatchedBefore + 1, facts("unmatched"));
        MailTestSupport.ops().queryParam("match", "unmatched").get("/v1/mail/bounces").then().statusCode(200)
                .body("find { it.bounceId == '" + forged.bounceId() + "' }.kind", equalTo("complaint"))
                .body("find { it.bounceId == '" + forged.bounceId() + "' }.suppressed", equalTo(false));

        // A complaint that names a message id which is not a mail of ours to the address matches
        // nothing either, even though we did mail the address.
        BounceRecorded wrongId = new BounceRecorded("arf-" + UUID.randomUUID(), victim, "feedback", false, null, "abuse",
                null, "<not-ours-" + UUID.randomUUID() + "@example.com>", Instant.now());
        consume(wrongId);
        String second = "after-forged-2-" + UUID.randomUUID();
        MailTestSupport.ops().contentType("application/json").body(MailTestSupport.accountNoticeJson(second, victim))
                .post("/v1/mail/requests").then().statusCode(202);
        assertEquals("SENT", MailTestSupport.awaitFinished(second).getString("status"));
        assertEquals(unmatchedBefore + 2, facts("unmatched"));
    }

    @Test
    void recallMailHasNoUnsubscribeAndOnlyAHardBounceStopsIt() throws Exception {
        String store = MailTestSupport.uniqueRecipient("recall-store");
        String first = "recall-1-" + UUID.randomUUID();
        MailTestSupport.ops().contentType("application/json").body(MailTestSupport.recallJson(first, store))
                .post("/v1/mail/requests").then().statusCode(202).body("category", equalTo("recall"));
        JsonPath sent = MailTestSupport.awaitFinished(first);
        assertEquals("SENT", sent.getString("status"));
        MimeMessage message = composer.parse(log.find("ops/" + first).orElseThrow().rawMessage());
        assertNull(message.getHeader("List-Unsubscribe"));
        assertNull(message.getHeader("List-Unsubscribe-Post"));

        // The store unsubscribes from notice mail and complains about the recall: the next recall still goes.
        String notice = "recall-notice-" + UUID.randomUUID();
        MailTestSupport.ops().contentType("application/json").body(MailTestSupport.recallNoticeJson(notice, store))
                .post("/v1/mail/requests").then().statusCode(202);
        assertEquals("SENT", MailTestSupport.awaitFinished(notice).getString("status"));
        given().post("/v1/unsubscribe/" + tokens.issue(store, MailCategory.NOTICE)).then().statusCode(200);
        consume(new BounceRecorded("c-" + UUID.randomUUID(), store, "feedback", false, null, "abuse", null,
                sent.getString("messageId"), Instant.now()));
        String second = "recall-2-" + UUID.randomUUID();
        MailTestSupport.ops().contentType("application/json").body(MailTestSupport.recallJson(second, store))
                .post("/v1/mail/requests").then().statusCode(202);
        JsonPath secondView = MailTestSupport.awaitFinished(second);
        assertEquals("SENT", secondView.getString("status"));
        // ... while the complaint does stop the store's transactional mail (today's rule for complaints).
        String account = "recall-account-" + UUID.randomUUID();
        MailTestSupport.ops().contentType("application/json").body(MailTestSupport.accountNoticeJson(account, store))
                .post("/v1/mail/requests").then().statusCode(202);
        assertEquals("suppressed: complaint", MailTestSupport.awaitFinished(account).getString("reason"));

        // A hard bounce of the second recall stops the third, reported as BOUNCED and SUPPRESSED.
        BounceRecorded hard = new BounceRecorded("b-" + UUID.randomUUID(), store, "userunknown", true, "5.1.1", null,
                "550 5.1.1 user unknown", secondView.getString("transportMessageId"), Instant.now());
        consume(hard);
        ConsumerRecord<String, String> bounced = MailTestSupport.awaitRecord(Topics.MAIL_EVENTS,
                r -> r.value().contains("\"requestId\":\"ops/" + second + "\"") && r.value().contains("\"BOUNCED\""),
                "BOUNCED event of " + second);
        assertEquals("recall", json.readValue(bounced.value(), MailOutcome.class).category());
        String third = "recall-3-" + UUID.randomUUID();
        MailTestSupport.ops().contentType("application/json").body(MailTestSupport.recallJson(third, store))
                .post("/v1/mail/requests").then().statusCode(202);
        JsonPath stopped = MailTestSupport.awaitFinished(third);
        assertEquals("SUPPRESSED", stopped.getString("status"));
        assertEquals("suppressed: hard-bounce", stopped.getString("reason"));
        MailOutcome outcome = json.readValue(MailTestSupport.awaitOutcomeEvent(third).value(), MailOutcome.class);
        assertEquals("SUPPRESSED", outcome.outcome());
        assertEquals("recall", outcome.category());
        assertEquals(3, MailTestSupport.sesMessagesTo(store).size());
    }

    @Test
    void unsubscribeTokensForTransactionalOrRecallMailAreRefused() {
        String recipient = MailTestSupport.uniqueRecipient("no-unsub");
        for (String category : new String[] { "transactional", "recall" }) {
            String token = signed(recipient + "\n" + category + "\n" + Instant.now().plusSeconds(3600).getEpochSecond());
            given().post("/v1/unsubscribe/" + token).then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("unsubscribe-token-invalid"));
        }
        String requestId = "no-unsub-" + UUID.randomUUID();
        MailTestSupport.ops().contentType("application/json").body(MailTestSupport.recallJson(requestId, recipient))
                .post("/v1/mail/requests").then().statusCode(202);
        assertEquals("SENT", MailTestSupport.awaitFinished(requestId).getString("status"));
    }

    @Test
    void theRequestApiTakesOnlyKnownSenderTokens() {
        String recipient = MailTestSupport.uniqueRecipient("auth");
        String body = MailTestSupport.accountNoticeJson("auth-" + UUID.randomUUID(), recipient);
        double missing = refused("missing-token");
        double unknown = refused("unknown-token");
        double category = refused("category-not-allowed");

        given().contentType("application/json").body(body).post("/v1/mail/requests").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
        MailTestSupport.as("not-a-sender-token").contentType("application/json").body(body).post("/v1/mail/requests")
                .then().statusCode(401).contentType("application/problem+json");
        given().get("/v1/mail/requests/anything").then().statusCode(401);
        given().get("/v1/mail/bounces").then().statusCode(401);
        given().queryParam("status", "UNKNOWN").get("/v1/mail/requests").then().statusCode(401);
        assertEquals(missing + 4, refused("missing-token"));
        assertEquals(unknown + 1, refused("unknown-token"));

        // The newsletter sender may send notice mail only.
        MailTestSupport.as(NEWSLETTER_TOKEN).contentType("application/json").body(body).post("/v1/mail/requests")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("category-not-allowed"));
        MailTestSupport.as(NEWSLETTER_TOKEN).contentType("application/json")
                .body(MailTestSupport.recallJson("auth-recall-" + UUID.randomUUID(), recipient)).post("/v1/mail/requests")
                .then().statusCode(403);
        assertEquals(category + 2, refused("category-not-allowed"));
        assertTrue(MailTestSupport.sesMessagesTo(recipient).isEmpty(), "nothing was sent");
        MailTestSupport.as(NEWSLETTER_TOKEN).get("/v1/mail/bounces").then().statusCode(403)
                .body("code", equalTo("operator-only"));
    }

    @Test
    void requestIdsAreScopedPerSender() {
        String id = "scoped-" + UUID.randomUUID();
        String newsletterTo = MailTestSupport.uniqueRecipient("scoped-newsletter");
        String opsTo = MailTestSupport.uniqueRecipient("scoped-ops");
        // The newsletter sender takes the id first; the operator's request of the same id is its own.
        MailTestSupport.as(NEWSLETTER_TOKEN).contentType("application/json")
                .body(MailTestSupport.recallNoticeJson(id, newsletterTo)).post("/v1/mail/requests")
                .then().statusCode(202).body("sender", equalTo("newsletter")).body("requestId", equalTo(id));
        MailTestSupport.ops().contentType("application/json").body(MailTestSupport.accountNoticeJson(id, opsTo))
                .post("/v1/mail/requests").then().statusCode(202).body("sender", equalTo("ops"));
        assertEquals("SENT", MailTestSupport.awaitFinished(id).getString("status"));
        assertEquals(1, MailTestSupport.sesMessagesTo(opsTo).size());
        await("the newsletter's mail").atMost(MailTestSupport.WAIT)
                .until(() -> MailTestSupport.sesMessagesTo(newsletterTo).size() == 1);

        // Each sees its own request under the id; only an operator reads another sender's.
        MailTestSupport.as(NEWSLETTER_TOKEN).get("/v1/mail/requests/" + id).then().statusCode(200)
                .body("recipient", equalTo(newsletterTo));
        MailTestSupport.ops().get("/v1/mail/requests/" + id).then().statusCode(200).body("recipient", equalTo(opsTo));
        MailTestSupport.ops().queryParam("sender", "newsletter").get("/v1/mail/requests/" + id).then().statusCode(200)
                .body("recipient", equalTo(newsletterTo));
        double other = refused("other-sender");
        MailTestSupport.as(NEWSLETTER_TOKEN).queryParam("sender", "ops").get("/v1/mail/requests/" + id).then()
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("other-sender"));
        assertEquals(other + 1, refused("other-sender"));
        // A request from the topic is not the newsletter's to read.
        String topicId = "scoped-topic-" + UUID.randomUUID();
        TestEvents.onTestPlatform().send(Topics.MAIL_REQUESTS, opsTo, "MailRequested",
                MailTestSupport.accountNoticeJson(topicId, opsTo));
        MailTestSupport.awaitFinished(topicId);
        MailTestSupport.as(NEWSLETTER_TOKEN).get("/v1/mail/requests/" + topicId).then().statusCode(404);
        // The ops list of a sender holds only its own requests.
        MailTestSupport.as(NEWSLETTER_TOKEN).queryParam("status", "FAILED").get("/v1/mail/requests").then()
                .statusCode(200).body("sender", not(hasItem("ops")));
    }

    private void consume(BounceRecorded bounce) throws Exception {
        EventEnvelope event = TestEvents.onTestPlatform().send(Topics.MAIL_BOUNCES, bounce.recipient(), "BounceRecorded",
                json.writeValueAsString(bounce));
        await("bounce " + bounce.bounceId() + " consumed").atMost(MailTestSupport.WAIT).until(() -> inbox.seen(event.id()));
    }

    private double facts(String match) {
        var counter = meters.find("suite.mail_service.bounce.facts").tag("match", match).counter();
        return counter == null ? 0 : counter.count();
    }

    private double refused(String reason) {
        var counter = meters.find("suite.api.refused").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A token signed with the service's own key, as a leaked key or an old bug could make one. */
    private static String signed(String payload) {
        try {
            String key = ConfigProvider.getConfig().getValue("suite.mail.unsubscribe.key", String.class);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
            return encoder.encodeToString(bytes) + "." + encoder.encodeToString(mac.doFinal(bytes));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
