package jp.foodtrace.bounce;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.Inbox;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.bounce.messaging.Channels;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;

/** Bounce service on the real platform: health, metrics, OpenAPI, its schema, and its consumers. */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "bounce-service"),
        @ResourceArg(name = "parts", value = "KAFKA,S3") })
class BounceServicePlatformTest {

    /** A valid mail.events.v1 payload: a mail that reached no mailbox, so it moves no rate. */
    private static final String OUTCOME = "{\"requestId\":\"00000000-0000-0000-0000-000000000001\","
            + "\"recipient\":\"member@example.jp\",\"outcome\":\"SUPPRESSED\",\"category\":\"account\","
            + "\"sesMessageId\":null,\"reason\":\"suppressed\",\"at\":\"2026-11-28T00:00:00Z\"}";

    @Inject
    Inbox inbox;

    @Inject
    Config config;

    @Test
    void readinessIncludesKafkaAndDatabase() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body(containsString("Kafka connection health check"));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void exposesPrometheusMetricsAndOpenApi() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Bounce service API"))
                .body("paths", hasKey("/v1/bounces"))
                .body("paths", hasKey("/v1/rates"))
                .body("paths", hasKey("/v1/ses/notifications"));
    }

    @Test
    void channelsReadTheArchitectureTopicsAndLeaveDeadLettersToTheIntake() {
        assertEquals(Topics.MAIL_EVENTS, config.getValue("mp.messaging.incoming." + Channels.MAIL_EVENTS + ".topic", String.class));
        assertEquals("fail", config.getOptionalValue("mp.messaging.incoming." + Channels.MAIL_EVENTS + ".failure-strategy", String.class)
                .orElse("fail"), "the intake dead-letters; the connector only stops on what escapes it");
    }

    @Test
    void consumedEventIsRecordedOnceEvenWhenRedelivered() {
        TestEvents events = TestEvents.onTestPlatform();
        EventEnvelope event = events.send(Topics.MAIL_EVENTS, "K1", "MailOutcome", OUTCOME);
        awaitSeen(event);
        // Redelivery: the same event id again must be taken as a duplicate, not processed twice.
        events.send(Topics.MAIL_EVENTS, "K1", event.headers(), OUTCOME);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !metrics().contains("outcome=\"duplicate\",topic=\"" + Topics.MAIL_EVENTS + "\"")) {
            sleep();
        }
        assertTrue(metrics().contains("outcome=\"duplicate\",topic=\"" + Topics.MAIL_EVENTS + "\""), metrics());
    }

    @Test
    void recordWithoutEnvelopeGoesToTheDeadLetterTopic() {
        TestEvents events = TestEvents.onTestPlatform();
        events.sendWithoutHeaders(Topics.MAIL_EVENTS, "bad-key", "not an event");
        ConsumerRecord<String, String> record = deadLetter(events, "bad-key");
        assertEquals("bad-key", record.key());
        assertEquals("not an event", record.value());
        assertTrue(TestEvents.header(record, "dead-letter-reason").contains("missing header event-id"),
                TestEvents.header(record, "dead-letter-reason"));
    }

    @Test
    void mailOutcomeThatCannotBeReadGoesToTheDeadLetterTopic() {
        TestEvents events = TestEvents.onTestPlatform();
        events.send(Topics.MAIL_EVENTS, "unreadable-outcome", "MailOutcome", "[1, 2");
        ConsumerRecord<String, String> record = deadLetter(events, "unreadable-outcome");
        assertTrue(TestEvents.header(record, "dead-letter-reason").contains("payload is not a MailOutcome"),
                TestEvents.header(record, "dead-letter-reason"));
    }

    /** The first dead letter with this key, waiting for it up to 60 s. */
    private static ConsumerRecord<String, String> deadLetter(TestEvents events, String key) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<ConsumerRecord<String, String>> dead = events.read(Topics.deadLetterOf(Topics.MAIL_EVENTS),
                    Integer.MAX_VALUE, Duration.ofSeconds(3));
            for (ConsumerRecord<String, String> record : dead) {
                if (key.equals(record.key())) {
                    return record;
                }
            }
        }
        throw new AssertionError("no dead letter with key " + key);
    }

    private void awaitSeen(EventEnvelope event) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && !inbox.seen(event.id())) {
            sleep();
        }
        assertTrue(inbox.seen(event.id()), "event " + event.id() + " was not consumed");
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
