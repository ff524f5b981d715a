package jp.foodtrace.mail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

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
import jp.foodtrace.mail.messaging.Channels;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;

/** Mail service on the real platform: health, metrics, OpenAPI, its schema, and its consumers. */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "mail-service"),
        @ResourceArg(name = "parts", value = "KAFKA,SES,SMTP") })
class MailServicePlatformTest {

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
                .body("info.title", equalTo("Mail service API"))
                .body(containsString("/v1/mail/requests"))
                .body(containsString("/v1/unsubscribe/{token}"));
    }

    @Test
    void channelsReadTheArchitectureTopicsAndLeaveDeadLettersToTheIntake() {
        assertEquals(Topics.MAIL_REQUESTS, config.getValue("mp.messaging.incoming." + Channels.MAIL_REQUESTS + ".topic", String.class));
        assertEquals("fail", config.getOptionalValue("mp.messaging.incoming." + Channels.MAIL_REQUESTS + ".failure-strategy", String.class)
                .orElse("fail"), "the intake dead-letters; the connector only stops on what escapes it");
        assertEquals(Topics.MAIL_BOUNCES, config.getValue("mp.messaging.incoming." + Channels.MAIL_BOUNCES + ".topic", String.class));
        assertEquals("fail", config.getOptionalValue("mp.messaging.incoming." + Channels.MAIL_BOUNCES + ".failure-strategy", String.class)
                .orElse("fail"), "the intake dead-letters; the connector only stops on what escapes it");
        assertEquals(Topics.MAIL_EVENTS, config.getValue("mp.messaging.outgoing." + Channels.MAIL_EVENTS + ".topic", String.class));
        assertEquals("all", config.getValue("mp.messaging.outgoing." + Channels.MAIL_EVENTS + ".acks", String.class));
        assertEquals("true", config.getValue("mp.messaging.outgoing." + Channels.MAIL_EVENTS + ".enable.idempotence", String.class));
    }

    @Test
    void consumedEventIsRecordedOnceEvenWhenRedelivered() {
        TestEvents events = TestEvents.onTestPlatform();
        String payload = MailTestSupport.accountNoticeJson("redelivery-" + UUID.randomUUID(),
                MailTestSupport.uniqueRecipient("redelivery"));
        EventEnvelope event = events.send(Topics.MAIL_REQUESTS, "K1", "MailRequested", payload);
        awaitSeen(event);
        // Redelivery: the same event id again must be taken as a duplicate, not processed twice.
        events.send(Topics.MAIL_REQUESTS, "K1", event.headers(), payload);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !metrics().contains("outcome=\"duplicate\",topic=\"" + Topics.MAIL_REQUESTS + "\"")) {
            sleep();
        }
        assertTrue(metrics().contains("outcome=\"duplicate\",topic=\"" + Topics.MAIL_REQUESTS + "\""), metrics());
    }

    @Test
    void recordWithoutEnvelopeGoesToTheDeadLetterTopic() {
        TestEvents events = TestEvents.onTestPlatform();
        String key = "bad-key-" + UUID.randomUUID();
        events.sendWithoutHeaders(Topics.MAIL_REQUESTS, key, "not an event");
        // Other tests dead-letter records too: look for this one.
        Optional<ConsumerRecord<String, String>> dead = Optional.empty();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (dead.isEmpty() && System.nanoTime() < deadline) {
            dead = events.read(Topics.deadLetterOf(Topics.MAIL_REQUESTS), Integer.MAX_VALUE, Duration.ofSeconds(4))
                    .stream().filter(r -> key.equals(r.key())).findFirst();
        }
        assertTrue(dead.isPresent(), "nothing arrived on the dead-letter topic");
        ConsumerRecord<String, String> record = dead.get();
        assertEquals(key, record.key());
        assertEquals("not an event", record.value());
        assertTrue(TestEvents.header(record, "dead-letter-reason").contains("missing header event-id"),
                TestEvents.header(record, "dead-letter-reason"));
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
