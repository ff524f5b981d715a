package jp.foodtrace.bounce;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.foodtrace.bounce.messaging.Channels;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.messaging.events.MailOutcome;
import jp.foodtrace.testsupport.Management;
import jp.foodtrace.testsupport.PlatformContract;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;

/** Bounce service on the real platform: the platform contract, its API paths, and its reading of mail.events.v1. */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "bounce-service"),
        @ResourceArg(name = "parts", value = "KAFKA,S3") })
class BounceServicePlatformTest implements PlatformContract {

    /** A valid mail.events.v1 payload: a mail that reached no mailbox, so it moves no rate. */
    private static final String OUTCOME = "{\"requestId\":\"00000000-0000-0000-0000-000000000001\","
            + "\"recipient\":\"member@example.jp\",\"outcome\":\"SUPPRESSED\",\"category\":\"account\","
            + "\"sesMessageId\":null,\"reason\":\"suppressed\",\"at\":\"2026-11-28T00:00:00Z\"}";

    @Override
    public String openApiTitle() {
        return "Bounce service API";
    }

    @Override
    public Map<String, String> incomingChannels() {
        return Map.of(Channels.MAIL_EVENTS, Topics.MAIL_EVENTS);
    }

    @Override
    public SampleEvent sampleEvent() {
        return new SampleEvent(Topics.MAIL_EVENTS, "member@example.jp", MailOutcome.class.getSimpleName(), OUTCOME);
    }

    @Test
    void openApiDescribesTheQueryTheSesEndpointAndTheRates() {
        Management.given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/v1/bounces"))
                .body("paths", hasKey("/v1/rates"))
                .body("paths", hasKey("/v1/ses/notifications"));
    }

    @Test
    void mailOutcomeThatCannotBeReadGoesToTheDeadLetterTopic() {
        TestEvents events = TestEvents.onTestPlatform();
        String key = "unreadable-outcome-" + UUID.randomUUID();
        events.send(Topics.MAIL_EVENTS, key, MailOutcome.class.getSimpleName(), "[1, 2");
        ConsumerRecord<String, String> record = events.awaitKey(Topics.deadLetterOf(Topics.MAIL_EVENTS), key,
                Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError("no dead letter with key " + key));
        assertTrue(TestEvents.header(record, "dead-letter-reason").contains("payload is not a MailOutcome"),
                TestEvents.header(record, "dead-letter-reason"));
    }
}
