package jp.foodtrace.bounce.ses.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.foodtrace.bounce.fact.Bounce;
import jp.foodtrace.bounce.fact.repository.BounceRepository;
import jp.foodtrace.bounce.ses.SesSamples;
import jp.foodtrace.messaging.EventHeaders;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;

/** SES notifications posted as SNS posts them become bounce facts and mail.bounces.v1 records. */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "bounce-service"),
        @ResourceArg(name = "parts", value = "KAFKA,S3") })
class SesNotificationResourceTest {

    @Inject
    BounceRepository bounces;

    @Inject
    MeterRegistry meters;

    @Test
    void permanentBounceBecomesAHardFactAndOneRecord() {
        String recipient = "gone-" + UUID.randomUUID() + "@example.jp";
        String messageId = UUID.randomUUID().toString();
        post(SesSamples.sns(messageId, SesSamples.permanentBounce(recipient,
                "smtp; 550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown")))
                .statusCode(200).body("found", equalTo(1)).body("recorded", equalTo(1));

        List<Bounce> facts = bounces.bySource(Bounce.SES, messageId);
        assertEquals(1, facts.size());
        Bounce fact = facts.get(0);
        assertEquals(recipient, fact.recipient());
        assertEquals(Boolean.TRUE, fact.hardBounce());
        assertEquals("userunknown", fact.reason());
        assertEquals("5.1.1", fact.deliveryStatus());
        assertEquals("550", fact.replyCode());
        assertEquals("0100019abc-ses-message-id", fact.messageId());

        List<ConsumerRecord<String, String>> records = TestEvents.onTestPlatform()
                .read(Topics.MAIL_BOUNCES, Integer.MAX_VALUE, Duration.ofSeconds(10)).stream()
                .filter(r -> recipient.equals(r.key())).toList();
        assertEquals(1, records.size());
        assertEquals(fact.id().toString(), TestEvents.header(records.get(0), EventHeaders.EVENT_ID));
        assertTrue(records.get(0).value().contains("\"hardBounce\":true"), records.get(0).value());
    }

    @Test
    void complaintBecomesAFeedbackFact() {
        String recipient = "angry-" + UUID.randomUUID() + "@example.jp";
        String messageId = UUID.randomUUID().toString();
        post(SesSamples.sns(messageId, SesSamples.complaint(recipient))).statusCode(200).body("recorded", equalTo(1));

        Bounce fact = bounces.bySource(Bounce.SES, messageId).get(0);
        assertEquals("feedback", fact.reason());
        assertEquals("abuse", fact.feedbackType());
        assertNull(fact.hardBounce());
        assertTrue(fact.complaint());
    }

    @Test
    void sameSnsMessageIdTwiceRecordsOnce() {
        String recipient = "full-" + UUID.randomUUID() + "@example.jp";
        String body = SesSamples.sns(SesSamples.transientBounce(recipient));
        post(body).statusCode(200).body("recorded", equalTo(1));
        post(body).statusCode(200).body("found", equalTo(1)).body("recorded", equalTo(0));
        List<Bounce> facts = bounces.find(java.util.Optional.of(recipient), java.time.Instant.EPOCH,
                java.time.Instant.now().plusSeconds(60), 10);
        assertEquals(1, facts.size());
        assertEquals(Boolean.FALSE, facts.get(0).hardBounce());
        assertEquals("mailboxfull", facts.get(0).reason());
    }

    @Test
    void subscriptionConfirmationIsAcknowledgedWithoutFacts() {
        post(SesSamples.subscriptionConfirmation()).statusCode(200)
                .body("type", equalTo("SubscriptionConfirmation")).body("recorded", equalTo(0));
    }

    @Test
    void bodyThatIsNotAnSnsMessageIsRefusedWithProblemJson() {
        post("{\"hello\":\"world\"}").statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid-notification"));
        post(SesSamples.sns("{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\"}}"))
                .statusCode(400).body("code", equalTo("invalid-notification"));
    }

    @Test
    void notificationFromAnotherTopicIsRefusedAsProblemAndCounted() {
        double before = refused("unknown-topic");
        String recipient = "other-topic-" + UUID.randomUUID() + "@example.jp";
        String messageId = UUID.randomUUID().toString();
        String body = SesSamples.sns(messageId, SesSamples.permanentBounce(recipient, "smtp; 550 5.1.1 user unknown"))
                .replace("arn:aws:sns:us-west-2:123456789012:ses-notifications", "arn:aws:sns:us-west-2:999999999999:forged");
        post(body).statusCode(403).contentType("application/problem+json").body("code", equalTo("unknown-topic"));
        assertTrue(bounces.bySource(Bounce.SES, messageId).isEmpty(), "nothing recorded");
        assertEquals(before + 1, refused("unknown-topic"));
    }

    private double refused(String reason) {
        var counter = meters.find("suite.bounce_service.sns.refused").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static io.restassured.response.ValidatableResponse post(String body) {
        // SNS posts its JSON as text/plain.
        return given().contentType("text/plain; charset=UTF-8").body(body)
                .when().post("/v1/ses/notifications").then();
    }
}
