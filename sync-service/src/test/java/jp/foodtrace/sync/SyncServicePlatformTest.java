package jp.foodtrace.sync;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
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
import jp.foodtrace.sync.messaging.Channels;
import jp.foodtrace.testsupport.Management;
import jp.foodtrace.testsupport.PlatformContract;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;

/**
 * Sync service on the real platform: what every service promises ({@link PlatformContract}), plus
 * its own API document, its outgoing channels and the dead letter of an order the feed cannot take.
 */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "sync-service"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class SyncServicePlatformTest implements PlatformContract {

    @Inject
    Inbox inbox;

    @Inject
    Config config;

    @Override
    public String openApiTitle() {
        return "Sync service API";
    }

    @Override
    public Map<String, String> incomingChannels() {
        return Map.of(Channels.ORDERS_ACCEPTED, Topics.ORDERS_ACCEPTED, Channels.MAIL_EVENTS, Topics.MAIL_EVENTS);
    }

    @Override
    public SampleEvent sampleEvent() {
        return new SampleEvent(Topics.ORDERS_ACCEPTED, "K1", "OrderAccepted",
                SyncApi.orderAcceptedJson("platform-" + UUID.randomUUID(), "K1", 1));
    }

    @Test
    void openApiDocumentsTheBearerSchemeAndTheV1Paths() {
        Management.given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths", hasKey("/v1/feed/orders"))
                .body("paths", hasKey("/v1/feed/orders/ack"))
                .body("paths", hasKey("/v1/shipments"))
                .body("paths", hasKey("/v1/trace/lots/{lot}/forward"))
                .body("paths", hasKey("/v1/recalls"));
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
        String key = "no-lines-" + UUID.randomUUID();
        String payload = "{\"orderId\":\"" + key + "\",\"storeCode\":\"S9\",\"deliveryDate\":\"2026-12-01\","
                + "\"acceptedAt\":\"2026-11-30T00:00:00Z\"}";
        assertDeadLetteredWithReason(key, "OrderAccepted", payload, "lacks orderId");
    }

    @Test
    void eventOfAnotherTypeOnTheOrdersTopicGoesToTheDeadLetterTopic() {
        String key = "wrong-type-" + UUID.randomUUID();
        assertDeadLetteredWithReason(key, "OrderStatusChanged", SyncApi.orderAcceptedJson(key, "S9", 1),
                "unexpected event-type OrderStatusChanged");
    }

    /** Sends an event to orders.accepted.v1 and expects it on the dead-letter topic, never processed. */
    private void assertDeadLetteredWithReason(String key, String type, String payload, String reason) {
        TestEvents events = TestEvents.onTestPlatform();
        EventEnvelope event = events.send(Topics.ORDERS_ACCEPTED, key, type, payload);
        ConsumerRecord<String, String> record = events
                .awaitKey(Topics.deadLetterOf(Topics.ORDERS_ACCEPTED), key, Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("nothing arrived on the dead-letter topic"));
        assertTrue(TestEvents.header(record, "dead-letter-reason").contains(reason),
                TestEvents.header(record, "dead-letter-reason"));
        assertFalse(inbox.seen(event.id()), "a dead-lettered event must not be marked processed");
    }
}
