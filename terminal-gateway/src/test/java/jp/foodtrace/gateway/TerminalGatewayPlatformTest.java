package jp.foodtrace.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

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
import jp.foodtrace.gateway.messaging.Channels;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;

/** Terminal gateway on the real platform: health, metrics, OpenAPI, its schema, and its consumers. */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "terminal-gateway"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class TerminalGatewayPlatformTest {

    /** A status for a receipt this gateway never gave: consumed, and ignored. */
    private static final String STATUS = "{\"receiptId\":\"00000000-0000-0000-0000-000000000001\","
            + "\"storeCode\":\"K1\",\"status\":\"ACCEPTED\",\"at\":\"2030-01-01T00:00:00Z\"}";

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
                .body("info.title", equalTo("Terminal gateway API"));
    }

    @Test
    void channelsReadTheArchitectureTopicsAndLeaveDeadLettersToTheIntake() {
        assertEquals(Topics.ORDERS_STATUS, config.getValue("mp.messaging.incoming." + Channels.ORDERS_STATUS + ".topic", String.class));
        assertEquals("fail", config.getOptionalValue("mp.messaging.incoming." + Channels.ORDERS_STATUS + ".failure-strategy", String.class)
                .orElse("fail"), "the intake dead-letters; the connector only stops on what escapes it");
        assertEquals(Topics.MASTER_PRODUCTS, config.getValue("mp.messaging.incoming." + Channels.MASTER_PRODUCTS + ".topic", String.class));
        assertEquals("fail", config.getOptionalValue("mp.messaging.incoming." + Channels.MASTER_PRODUCTS + ".failure-strategy", String.class)
                .orElse("fail"), "the intake dead-letters; the connector only stops on what escapes it");
        assertEquals(Topics.MASTER_STORES, config.getValue("mp.messaging.incoming." + Channels.MASTER_STORES + ".topic", String.class));
        assertEquals("fail", config.getOptionalValue("mp.messaging.incoming." + Channels.MASTER_STORES + ".failure-strategy", String.class)
                .orElse("fail"), "the intake dead-letters; the connector only stops on what escapes it");
    }

    @Test
    void consumedEventIsRecordedOnceEvenWhenRedelivered() {
        TestEvents events = TestEvents.onTestPlatform();
        EventEnvelope event = events.send(Topics.ORDERS_STATUS, "K1", "OrderStatusChanged", STATUS);
        awaitSeen(event);
        // Redelivery: the same event id again must be taken as a duplicate, not processed twice.
        events.send(Topics.ORDERS_STATUS, "K1", event.headers(), STATUS);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !metrics().contains("outcome=\"duplicate\",topic=\"" + Topics.ORDERS_STATUS + "\"")) {
            sleep();
        }
        assertTrue(metrics().contains("outcome=\"duplicate\",topic=\"" + Topics.ORDERS_STATUS + "\""), metrics());
    }

    @Test
    void recordWithoutEnvelopeGoesToTheDeadLetterTopic() {
        TestEvents events = TestEvents.onTestPlatform();
        String key = "bad-key-" + java.util.UUID.randomUUID();
        events.sendWithoutHeaders(Topics.ORDERS_STATUS, key, "not an event");
        ConsumerRecord<String, String> record = events.awaitKey(Topics.deadLetterOf(Topics.ORDERS_STATUS), key,
                Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError("nothing arrived on the dead-letter topic"));
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
