package jp.foodtrace.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.inject.spi.CDI;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.Inbox;
import jp.foodtrace.messaging.Topics;

/**
 * What every service promises the platform, checked the same way in each: readiness with its
 * database and Kafka, Prometheus metrics, OpenAPI (all three on the management interface only, 404
 * on the HTTP port), problem+json for unknown paths, every incoming
 * channel reading its architecture topic and leaving dead letters to the intake, an event consumed
 * once even when redelivered, and a record without an envelope on the dead-letter topic. A
 * service's {@code *PlatformTest} is a {@code @QuarkusTest} on {@link SuitePlatformResource} that
 * implements this interface and adds only its own checks.
 */
public interface PlatformContract {

    /** One event the service consumes and processes, used for the redelivery check. */
    record SampleEvent(String topic, String key, String type, String payload) {
    }

    /** The title of the service's OpenAPI document. */
    String openApiTitle();

    /** Every incoming channel of the service and the topic it must read. */
    Map<String, String> incomingChannels();

    /** A valid event of one of the consumed topics. */
    SampleEvent sampleEvent();

    @Test
    default void readinessIncludesKafkaAndDatabase() {
        Management.given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body(containsString("Kafka connection health check"));
        Management.given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    default void exposesPrometheusMetricsAndOpenApi() {
        Management.given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        Management.given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo(openApiTitle()));
    }

    @Test
    default void healthMetricsAndOpenApiAreOnlyOnTheManagementInterface() {
        for (String path : new String[] { "/q/health/ready", "/q/metrics", "/q/openapi" }) {
            given().when().get(path).then().statusCode(404);
            Management.given().when().get(path).then().statusCode(200);
        }
    }

    @Test
    default void unknownPathIsANotFoundProblem() {
        given().when().get("/v1/no-such-resource-" + UUID.randomUUID()).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not-found"))
                .body("type", equalTo("https://foodtrace.jp/problems/not-found"));
    }

    @Test
    default void channelsReadTheArchitectureTopicsAndLeaveDeadLettersToTheIntake() {
        Config config = ConfigProvider.getConfig();
        assertFalse(incomingChannels().isEmpty());
        incomingChannels().forEach((channel, topic) -> {
            assertEquals(topic, config.getValue("mp.messaging.incoming." + channel + ".topic", String.class), channel);
            assertEquals("fail", config.getOptionalValue("mp.messaging.incoming." + channel + ".failure-strategy",
                    String.class).orElse("fail"), channel + ": the intake dead-letters; the connector only stops on what escapes it");
            assertTrue(Topics.ALL.stream().anyMatch(t -> t.name().equals(Topics.deadLetterOf(topic))),
                    topic + " has a dead-letter topic");
        });
    }

    @Test
    default void consumedEventIsProcessedOnceEvenWhenRedelivered() {
        Inbox inbox = CDI.current().select(Inbox.class).get();
        SampleEvent sample = sampleEvent();
        TestEvents events = TestEvents.onTestPlatform();
        EventEnvelope event = events.send(sample.topic(), sample.key(), sample.type(), sample.payload());
        await("event " + event.id() + " consumed").atMost(Duration.ofSeconds(60)).until(() -> inbox.seen(event.id()));
        events.send(sample.topic(), sample.key(), event.headers(), sample.payload());
        // Labels are in name order, with the common tag service between outcome and topic.
        await("redelivery counted as duplicate").atMost(Duration.ofSeconds(30))
                .until(() -> Management.given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                        .anyMatch(l -> l.contains("_events_consumed_total{") && l.contains("outcome=\"duplicate\"")
                                && l.contains("topic=\"" + sample.topic() + "\"")));
    }

    @Test
    default void recordWithoutEnvelopeGoesToTheDeadLetterTopic() {
        String topic = sampleEvent().topic();
        TestEvents events = TestEvents.onTestPlatform();
        String key = "bad-key-" + UUID.randomUUID();
        events.sendWithoutHeaders(topic, key, "not an event");
        ConsumerRecord<String, String> record = events.awaitKey(Topics.deadLetterOf(topic), key, Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("nothing arrived on the dead-letter topic of " + topic));
        assertEquals("not an event", record.value());
        assertTrue(TestEvents.header(record, "dead-letter-reason").contains("missing header event-id"),
                TestEvents.header(record, "dead-letter-reason"));
    }
}
