package jp.foodtrace.sync;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import jp.foodtrace.sync.messaging.Channels;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;

/** Sync service on the real platform: health, metrics, OpenAPI, its schema, and its consumers. */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "sync-service"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class SyncServicePlatformTest {

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
                .body("info.title", equalTo("Sync service API"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths", hasKey("/v1/feed/orders"))
                .body("paths", hasKey("/v1/feed/orders/ack"))
                .body("paths", hasKey("/v1/shipments"))
                .body("paths", hasKey("/v1/trace/lots/{lot}/forward"))
                .body("paths", hasKey("/v1/recalls"));
    }

    @Test
    void channelsReadTheArchitectureTopicsAndLeaveDeadLettersToTheIntake() {
        assertEquals(Topics.ORDERS_ACCEPTED, config.getValue("mp.messaging.incoming." + Channels.ORDERS_ACCEPTED + ".topic", String.class));
        assertEquals("fail", config.getOptionalValue("mp.messaging.incoming." + Channels.ORDERS_ACCEPTED + ".failure-strategy", String.class)
                .orElse("fail"), "the intake dead-letters; the connector only stops on what escapes it");
    }

    @Test
    void outgoingChannelsWriteTheArchitectureTopicsWithAcksAllAndIdempotence() {
        Channels.OUTGOING_BY_TOPIC.forEach((topic, channel) -> {
            assertEquals(topic, config.getValue("mp.messaging.outgoing." + channel + ".topic", String.class));
            assertEquals("all", config.getValue("mp.messaging.outgoing." + channel + ".acks", String.class));
            assertEquals("true", config.getValue("mp.messaging.outgoing." + channel + ".enable.idempotence", String.class));
        });
    }

    @Test
    void acceptedOrderWithoutLinesGoesToTheDeadLetterTopicWithTheReason() {
        String payload = "{\"orderId\":\"no-lines\",\"storeCode\":\"S9\",\"deliveryDate\":\"2026-12-01\","
                + "\"acceptedAt\":\"2026-11-30T00:00:00Z\"}";
        EventEnvelope event = TestEvents.onTestPlatform().send(Topics.ORDERS_ACCEPTED, "no-lines-key", "OrderAccepted", payload);
        List<ConsumerRecord<String, String>> dead = SyncApi.readUntil(Topics.deadLetterOf(Topics.ORDERS_ACCEPTED),
                rs -> rs.stream().anyMatch(r -> "no-lines-key".equals(r.key())));
        ConsumerRecord<String, String> record = dead.stream().filter(r -> "no-lines-key".equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("nothing arrived on the dead-letter topic"));
        assertTrue(TestEvents.header(record, "dead-letter-reason").contains("lacks orderId"),
                TestEvents.header(record, "dead-letter-reason"));
        assertFalse(inbox.seen(event.id()), "a dead-lettered event must not be marked processed");
    }

    @Test
    void consumedEventIsRecordedOnceEvenWhenRedelivered() {
        TestEvents events = TestEvents.onTestPlatform();
        String payload = SyncApi.orderAcceptedJson("platform-" + java.util.UUID.randomUUID(), "K1", 1);
        EventEnvelope event = events.send(Topics.ORDERS_ACCEPTED, "K1", "OrderAccepted", payload);
        awaitSeen(event);
        // Redelivery: the same event id again must be taken as a duplicate, not processed twice.
        events.send(Topics.ORDERS_ACCEPTED, "K1", event.headers(), payload);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !metrics().contains("outcome=\"duplicate\",topic=\"" + Topics.ORDERS_ACCEPTED + "\"")) {
            sleep();
        }
        assertTrue(metrics().contains("outcome=\"duplicate\",topic=\"" + Topics.ORDERS_ACCEPTED + "\""), metrics());
    }

    @Test
    void recordWithoutEnvelopeGoesToTheDeadLetterTopic() {
        TestEvents events = TestEvents.onTestPlatform();
        events.sendWithoutHeaders(Topics.ORDERS_ACCEPTED, "bad-key", "not an event");
        List<ConsumerRecord<String, String>> dead = SyncApi.readUntil(Topics.deadLetterOf(Topics.ORDERS_ACCEPTED),
                rs -> rs.stream().anyMatch(r -> "bad-key".equals(r.key())));
        ConsumerRecord<String, String> record = dead.stream().filter(r -> "bad-key".equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("nothing arrived on the dead-letter topic"));
        assertEquals("bad-key", record.key());
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
