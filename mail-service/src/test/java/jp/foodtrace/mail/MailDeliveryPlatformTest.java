package jp.foodtrace.mail;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.foodtrace.mail.request.MailCategory;
import jp.foodtrace.mail.request.repository.MailLogRepository;
import jp.foodtrace.mail.template.RenderedMail;
import jp.foodtrace.mail.template.service.MimeComposer;
import jp.foodtrace.mail.transport.client.OutgoingMail;
import jp.foodtrace.mail.transport.client.SmtpMailTransport;
import jp.foodtrace.mail.unsubscribe.service.UnsubscribeTokens;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.Inbox;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.messaging.events.BounceRecorded;
import jp.foodtrace.messaging.events.MailOutcome;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;

/**
 * Mail requests end to end on the real platform: the topic and REST in, the SES endpoint and the
 * SMTP sink out, suppression, one-click unsubscribe and the outcome events.
 */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "mail-service"),
        @ResourceArg(name = "parts", value = "KAFKA,SES,SMTP") })
class MailDeliveryPlatformTest {

    private static final Pattern HTTPS_UNSUBSCRIBE = Pattern.compile("<(https?://[^>]+/v1/unsubscribe/([^>]+))>");

    @Inject
    MailLogRepository log;

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper json;

    @Inject
    UnsubscribeTokens tokens;

    @Inject
    MimeComposer composer;

    @Inject
    SmtpMailTransport smtp;

    @Test
    void japaneseNoticeFromTheTopicIsSentOnceWithCorrectMimeAndOneClickHeaders() throws Exception {
        String recipient = MailTestSupport.uniqueRecipient("recall");
        String requestId = "recall-" + UUID.randomUUID();
        TestEvents.onTestPlatform().send(Topics.MAIL_REQUESTS, recipient, "MailRequested",
                MailTestSupport.recallNoticeJson(requestId, recipient));

        JsonPath view = MailTestSupport.awaitFinished(requestId);
        assertEquals("SENT", view.getString("status"), view.prettify());
        assertEquals("ses", view.getString("transport"));
        String sesMessageId = view.getString("transportMessageId");

        // What the SES endpoint recorded: exactly one message, its subject and bodies decoded back to Japanese.
        List<Map<String, Object>> recorded = MailTestSupport.sesMessagesTo(recipient);
        assertEquals(1, recorded.size(), recorded.toString());
        Map<String, Object> mail = recorded.get(0);
        assertEquals(sesMessageId, mail.get("messageId"));
        assertEquals("【重要】回収のお知らせ：国産若鶏もも肉（ロット L-20260301-07）", mail.get("subject"));
        assertTrue(String.valueOf(mail.get("from")).contains("no-reply@mail.foodtrace.jp"), String.valueOf(mail.get("from")));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) mail.get("body");
        assertTrue(String.valueOf(body.get("text")).contains("異物混入の恐れ"), String.valueOf(body.get("text")));
        assertTrue(String.valueOf(body.get("html")).contains("<td>L-20260301-07</td>"), String.valueOf(body.get("html")));
        given().queryParam("messageId", sesMessageId).get(MailTestSupport.sesEndpoint() + "/get-emlContent")
                .then().statusCode(200).body(containsString("L-20260301-07"));

        // The raw message as handed to SendRawEmail (the endpoint keeps only the parsed fields).
        byte[] raw = log.find(requestId).orElseThrow().rawMessage();
        String head = new String(raw, StandardCharsets.US_ASCII).split("\r\n\r\n", 2)[0];
        assertTrue(head.contains("Subject: =?UTF-8?"), head);
        assertTrue(head.contains("MIME-Version: 1.0"), head);
        assertTrue(head.contains("Content-Type: multipart/alternative"), head);
        assertTrue(head.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"), head);
        MimeMessage message = composer.parse(raw);
        assertEquals(mail.get("subject"), message.getSubject());
        assertEquals(view.getString("messageId"), message.getMessageID());
        assertTrue(message.getMessageID().matches("<[0-9a-f-]{36}@mail\\.foodtrace\\.jp>"), message.getMessageID());
        assertTrue(Duration.between(message.getSentDate().toInstant(), Instant.now()).abs().toMinutes() < 5);
        String listUnsubscribe = MimeUtility.unfold(message.getHeader("List-Unsubscribe", null));
        Matcher https = HTTPS_UNSUBSCRIBE.matcher(listUnsubscribe);
        assertTrue(https.find(), listUnsubscribe);
        assertTrue(listUnsubscribe.contains("<mailto:unsubscribe@mail.foodtrace.jp?subject=unsubscribe%20"), listUnsubscribe);
        UnsubscribeTokens.Subject subject = tokens.verify(https.group(2));
        assertEquals(recipient, subject.recipient());
        assertEquals(MailCategory.NOTICE, subject.category());
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(0).getContentType().toLowerCase().contains("charset=utf-8"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));

        // The SENT event, keyed by recipient, carrying the SES message id.
        ConsumerRecord<String, String> event = MailTestSupport.awaitOutcomeEvent(requestId);
        assertEquals(recipient, event.key());
        assertEquals("MailOutcome", TestEvents.header(event, "event-type"));
        MailOutcome outcome = json.readValue(event.value(), MailOutcome.class);
        assertEquals("SENT", outcome.outcome());
        assertEquals(sesMessageId, outcome.sesMessageId());
        assertEquals("notice", outcome.category());
    }

    @Test
    void theSameRequestIdTwiceSendsOnce() {
        String recipient = MailTestSupport.uniqueRecipient("twice");
        String requestId = "twice-" + UUID.randomUUID();
        String body = MailTestSupport.accountNoticeJson(requestId, recipient);
        MailTestSupport.ops().contentType("application/json").body(body).post("/v1/mail/requests").then().statusCode(202)
                .body("status", equalTo("PENDING"));
        MailTestSupport.ops().contentType("application/json").body(body).post("/v1/mail/requests").then().statusCode(200)
                .body("requestId", equalTo(requestId)).body("sender", equalTo("ops"));
        assertEquals("SENT", MailTestSupport.awaitFinished(requestId).getString("status"));
        MailTestSupport.ops().contentType("application/json").body(body).post("/v1/mail/requests").then().statusCode(200)
                .body("status", equalTo("SENT"));
        assertEquals(1, MailTestSupport.sesMessagesTo(recipient).size());
        assertEquals(1, log.find("ops/" + requestId).orElseThrow().attempts());

        // Over the topic, twice as two events with one request id: recorded once, sent once.
        String topicRecipient = MailTestSupport.uniqueRecipient("twice-topic");
        String topicId = "twice-topic-" + UUID.randomUUID();
        String topicBody = MailTestSupport.accountNoticeJson(topicId, topicRecipient);
        TestEvents events = TestEvents.onTestPlatform();
        events.send(Topics.MAIL_REQUESTS, topicRecipient, "MailRequested", topicBody);
        assertEquals("SENT", MailTestSupport.awaitFinished(topicId).getString("status"));
        EventEnvelope again = events.send(Topics.MAIL_REQUESTS, topicRecipient, "MailRequested", topicBody);
        await("the repeated request consumed").atMost(MailTestSupport.WAIT).until(() -> inbox.seen(again.id()));
        assertEquals(1, MailTestSupport.sesMessagesTo(topicRecipient).size());
        assertEquals(1, log.find(topicId).orElseThrow().attempts());
    }

    @Test
    void aHardBounceOfAMailWeSentSuppressesTheNextMailAndReportsItBounced() throws Exception {
        String recipient = MailTestSupport.uniqueRecipient("bounced");
        String first = "bounced-1-" + UUID.randomUUID();
        MailTestSupport.ops().contentType("application/json").body(MailTestSupport.accountNoticeJson(first, recipient))
                .post("/v1/mail/requests").then().statusCode(202);
        JsonPath sent = MailTestSupport.awaitFinished(first);
        assertEquals("SENT", sent.getString("status"));

        // The DSN names our Message-ID: it is a bounce of that very mail.
        BounceRecorded bounce = new BounceRecorded("b-" + UUID.randomUUID(), recipient, "userunknown", true, "5.1.1",
                null, "550 5.1.1 user unknown", sent.getString("messageId"), Instant.now());
        EventEnvelope event = TestEvents.onTestPlatform().send(Topics.MAIL_BOUNCES, recipient, "BounceRecorded",
                json.writeValueAsString(bounce));
        await("the bounce consumed").atMost(MailTestSupport.WAIT).until(() -> inbox.seen(event.id()));

        String requestId = "bounced-2-" + UUID.randomUUID();
        MailTestSupport.ops().contentType("application/json").body(MailTestSupport.accountNoticeJson(requestId, recipient))
                .post("/v1/mail/requests").then().statusCode(202);
        JsonPath view = MailTestSupport.awaitFinished(requestId);
        assertEquals("SUPPRESSED", view.getString("status"));
        assertEquals("suppressed: hard-bounce", view.getString("reason"));
        assertEquals(1, MailTestSupport.sesMessagesTo(recipient).size());

        ConsumerRecord<String, String> outcome = MailTestSupport.awaitOutcomeEvent("ops/" + requestId);
        assertEquals("SUPPRESSED", json.readValue(outcome.value(), MailOutcome.class).outcome());
        // The first mail is reported BOUNCED after its SENT.
        ConsumerRecord<String, String> bounced = MailTestSupport.awaitRecord(Topics.MAIL_EVENTS,
                r -> r.value().contains("\"requestId\":\"ops/" + first + "\"") && r.value().contains("\"BOUNCED\""),
                "BOUNCED event of " + first);
        assertEquals(bounce.bounceId(), json.readValue(bounced.value(), MailOutcome.class).reason().replace("hard bounce ", ""));
        MailTestSupport.ops().queryParam("match", "message-id").get("/v1/mail/bounces").then().statusCode(200)
                .body("find { it.bounceId == '" + bounce.bounceId() + "' }.matchedRequestId", equalTo("ops/" + first))
                .body("find { it.bounceId == '" + bounce.bounceId() + "' }.suppressed", equalTo(true));
    }

    @Test
    void aComplaintAfterOurMailSuppressesButASoftBounceDoesNot() throws Exception {
        String complainer = MailTestSupport.uniqueRecipient("complaint");
        String soft = MailTestSupport.uniqueRecipient("soft");
        String toComplainer1 = "complaint-1-" + UUID.randomUUID();
        String toSoft1 = "soft-1-" + UUID.randomUUID();
        MailTestSupport.ops().contentType("application/json").body(MailTestSupport.accountNoticeJson(toComplainer1, complainer))
                .post("/v1/mail/requests").then().statusCode(202);
        MailTestSupport.ops().contentType("application/json").body(MailTestSupport.accountNoticeJson(toSoft1, soft))
                .post("/v1/mail/requests").then().statusCode(202);
        assertEquals("SENT", MailTestSupport.awaitFinished(toComplainer1).getString("status"));
        assertEquals("SENT", MailTestSupport.awaitFinished(toSoft1).getString("status"));

        // Neither names a message id: each matches our send to its recipient within the window.
        TestEvents events = TestEvents.onTestPlatform();
        EventEnvelope complaint = events.send(Topics.MAIL_BOUNCES, complainer, "BounceRecorded", json.writeValueAsString(
                new BounceRecorded("c-" + UUID.randomUUID(), complainer, "feedback", false, null, "abuse", null, null,
                        Instant.now())));
        EventEnvelope mailboxFull = events.send(Topics.MAIL_BOUNCES, soft, "BounceRecorded", json.writeValueAsString(
                new BounceRecorded("s-" + UUID.randomUUID(), soft, "mailboxfull", false, "4.2.2", null, null, null,
                        Instant.now())));
        await("both bounces consumed").atMost(MailTestSupport.WAIT)
                .until(() -> inbox.seen(complaint.id()) && inbox.seen(mailboxFull.id()));

        String toComplainer = "complaint-2-" + UUID.randomUUID();
        String toSoft = "soft-2-" + UUID.randomUUID();
        MailTestSupport.ops().contentType("application/json").body(MailTestSupport.accountNoticeJson(toComplainer, complainer))
                .post("/v1/mail/requests").then().statusCode(202);
        MailTestSupport.ops().contentType("application/json").body(MailTestSupport.accountNoticeJson(toSoft, soft))
                .post("/v1/mail/requests").then().statusCode(202);
        JsonPath suppressed = MailTestSupport.awaitFinished(toComplainer);
        assertEquals("SUPPRESSED", suppressed.getString("status"));
        assertEquals("suppressed: complaint", suppressed.getString("reason"));
        assertEquals("SENT", MailTestSupport.awaitFinished(toSoft).getString("status"));
    }

    @Test
    void unknownTemplateAndMissingParameterAreRefusedWith400ProblemJson() {
        MailTestSupport.ops().contentType("application/json").body("""
                {"requestId":"bad-1","recipient":"m@example.jp","templateId":"birthday","parameters":{}}""")
                .post("/v1/mail/requests").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("unknown-template"))
                .body("type", equalTo("https://foodtrace.jp/problems/unknown-template"));
        MailTestSupport.ops().contentType("application/json").body("""
                {"requestId":"bad-2","recipient":"m@example.jp","templateId":"recall-notice","parameters":{"memberName":"x"}}""")
                .post("/v1/mail/requests").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("missing-parameter"))
                .body("detail", containsString("itemName"));
        MailTestSupport.ops().get("/v1/mail/requests/bad-2").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void invalidRequestOnTheTopicGoesToTheDeadLetterTopicWithTheReason() {
        String requestId = "dlq-" + UUID.randomUUID();
        TestEvents events = TestEvents.onTestPlatform();
        events.send(Topics.MAIL_REQUESTS, "m@example.jp", "MailRequested", """
                {"requestId":"%s","recipient":"m@example.jp","templateId":"recall-notice","parameters":{"memberName":"x"}}"""
                .formatted(requestId));
        ConsumerRecord<String, String> dead = MailTestSupport.awaitRecord(Topics.deadLetterOf(Topics.MAIL_REQUESTS),
                r -> r.value().contains(requestId), "dead letter of " + requestId);
        String reason = TestEvents.header(dead, "dead-letter-reason");
        assertTrue(reason.contains("missing-parameter") && reason.contains("itemName"), reason);
        assertTrue(log.find(requestId).isEmpty());
    }

    @Test
    void getShowsAConfirmPageAndDoesNotUnsubscribeButOneClickPostDoes() {
        String recipient = MailTestSupport.uniqueRecipient("unsub");
        String first = "unsub-1-" + UUID.randomUUID();
        MailTestSupport.ops().contentType("application/json").body(MailTestSupport.recallNoticeJson(first, recipient))
                .post("/v1/mail/requests").then().statusCode(202);
        assertEquals("SENT", MailTestSupport.awaitFinished(first).getString("status"));
        MimeMessage sent = composer.parse(log.find("ops/" + first).orElseThrow().rawMessage());
        Matcher https;
        try {
            https = HTTPS_UNSUBSCRIBE.matcher(MimeUtility.unfold(sent.getHeader("List-Unsubscribe", null)));
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
        assertTrue(https.find());
        String path = "/v1/unsubscribe/" + https.group(2);

        // A scanner following the link: a page with a POST form, and nothing unsubscribed.
        given().get(path).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<form method=\"post\" action=\"" + path + "\""))
                .body(containsString("<button"));
        String second = "unsub-2-" + UUID.randomUUID();
        MailTestSupport.ops().contentType("application/json").body(MailTestSupport.recallNoticeJson(second, recipient))
                .post("/v1/mail/requests").then().statusCode(202);
        assertEquals("SENT", MailTestSupport.awaitFinished(second).getString("status"));

        // RFC 8058 one-click: the provider POSTs List-Unsubscribe=One-Click.
        given().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .post(path).then().statusCode(200);
        String third = "unsub-3-" + UUID.randomUUID();
        MailTestSupport.ops().contentType("application/json").body(MailTestSupport.recallNoticeJson(third, recipient))
                .post("/v1/mail/requests").then().statusCode(202);
        JsonPath view = MailTestSupport.awaitFinished(third);
        assertEquals("SUPPRESSED", view.getString("status"));
        assertEquals("suppressed: unsubscribe", view.getString("reason"));

        // Unsubscribing from notices leaves transactional mail alone.
        String account = "unsub-4-" + UUID.randomUUID();
        MailTestSupport.ops().contentType("application/json").body(MailTestSupport.accountNoticeJson(account, recipient))
                .post("/v1/mail/requests").then().statusCode(202);
        assertEquals("SENT", MailTestSupport.awaitFinished(account).getString("status"));
        assertEquals(3, MailTestSupport.sesMessagesTo(recipient).size());
    }

    @Test
    void forgedAndExpiredTokensAreRefused() {
        String recipient = MailTestSupport.uniqueRecipient("forged");
        UnsubscribeTokens foreign = new UnsubscribeTokens("someone-elses-key-someone-elses-key-0003",
                Duration.ofDays(60), Clock.systemUTC());
        String forged = foreign.issue(recipient, MailCategory.NOTICE);
        given().post("/v1/unsubscribe/" + forged).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("unsubscribe-token-invalid"));
        given().get("/v1/unsubscribe/" + forged).then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("無効なリンク"));

        String valid = tokens.issue(recipient, MailCategory.NOTICE);
        String altered = valid.substring(0, 3) + (valid.charAt(3) == 'A' ? 'B' : 'A') + valid.substring(4);
        given().post("/v1/unsubscribe/" + altered).then().statusCode(400).body("code", equalTo("unsubscribe-token-invalid"));

        String expired = tokens.issue(recipient, MailCategory.NOTICE, Instant.now().minusSeconds(60));
        given().post("/v1/unsubscribe/" + expired).then().statusCode(410).contentType("application/problem+json")
                .body("code", equalTo("unsubscribe-token-expired"));
        given().get("/v1/unsubscribe/" + expired).then().statusCode(410).body(containsString("有効期限"));

        // None of them unsubscribed anyone.
        String requestId = "forged-" + UUID.randomUUID();
        MailTestSupport.ops().contentType("application/json").body(MailTestSupport.recallNoticeJson(requestId, recipient))
                .post("/v1/mail/requests").then().statusCode(202);
        assertEquals("SENT", MailTestSupport.awaitFinished(requestId).getString("status"));
    }

    @Test
    void smtpTransportDeliversTheComposedMessageToTheSmtpSink() throws Exception {
        String recipient = MailTestSupport.uniqueRecipient("smtp");
        String messageId = composer.newMessageId();
        byte[] raw = composer.compose(recipient, new RenderedMail("出荷のお知らせ（S-1）", "本文", "<p>本文</p>"), messageId,
                Instant.now(), Optional.of(new MimeComposer.Unsubscribe("https://mail.foodtrace.jp/v1/unsubscribe/T",
                        "mailto:unsubscribe@mail.foodtrace.jp")));
        String id = smtp.send(new OutgoingMail("smtp-" + UUID.randomUUID(), recipient, MailCategory.NOTICE, raw));
        assertEquals(messageId, id);

        await("a message at the SMTP sink for " + recipient).atMost(MailTestSupport.WAIT)
                .until(() -> !MailTestSupport.smtpInbox(recipient).getList("$").isEmpty());
        JsonPath inbox = MailTestSupport.smtpInbox(recipient);
        assertEquals(1, inbox.getList("$").size());
        String mime = inbox.getString("[0].mimeMessage");
        MimeMessage received = composer.parse(mime.getBytes(StandardCharsets.US_ASCII));
        assertEquals("出荷のお知らせ（S-1）", received.getSubject());
        assertEquals(messageId, received.getMessageID());
        assertEquals("List-Unsubscribe=One-Click", received.getHeader("List-Unsubscribe-Post", null));
        assertFalse(MimeUtility.unfold(received.getHeader("List-Unsubscribe", null)).isBlank());
    }
}
