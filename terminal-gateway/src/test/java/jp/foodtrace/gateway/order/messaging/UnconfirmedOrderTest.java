package jp.foodtrace.gateway.order.messaging;

import static jp.foodtrace.gateway.GatewayFixture.JAN_A;
import static jp.foodtrace.gateway.GatewayFixture.order;
import static jp.foodtrace.gateway.GatewayFixture.orderEventOf;
import static jp.foodtrace.gateway.GatewayFixture.orderEventsOf;
import static jp.foodtrace.gateway.GatewayFixture.register;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jp.foodtrace.data.Jdbc;
import jp.foodtrace.gateway.GatewayFixture.TestTerminal;
import jp.foodtrace.messaging.EventHeaders;
import jp.foodtrace.messaging.Tracing;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;

/**
 * Receipts committed without Kafka's confirmation (Kafka refused, or the gateway stopped in
 * between): published again by a resend or by the relay, always with the same event id.
 */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "terminal-gateway"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class UnconfirmedOrderTest {

    @Inject
    Jdbc jdbc;

    @Test
    void resendOfAnUnconfirmedReceiptPublishesTheOrderAgainUnderItsEventId() {
        UnconfirmedReceipts receipts = new UnconfirmedReceipts(jdbc);
        TestTerminal t = register("127.0.0.1");
        String body = order(t.storeCode(), 11, JAN_A);
        String receipt = t.request().contentType(ContentType.JSON).body(body).when().post("/v1/orders")
                .then().statusCode(202).extract().path("receiptId");
        awaitPublished(receipts, receipt);
        receipts.unconfirm(receipt, orderEventOf(receipt).value());

        String again = t.request().contentType(ContentType.JSON).body(body).when().post("/v1/orders")
                .then().statusCode(200).extract().path("receiptId");

        assertEquals(receipt, again);
        List<ConsumerRecord<String, String>> copies = orderEventsOf(receipt, 2);
        assertEquals(2, copies.size(), "the order is published a second time");
        assertEquals(TestEvents.header(copies.get(0), EventHeaders.EVENT_ID),
                TestEvents.header(copies.get(1), EventHeaders.EVENT_ID), "under the same event id");
        awaitPublished(receipts, receipt);
    }

    @Test
    void theOrderEventContinuesTheTraceOfTheTerminalsRequest() {
        UnconfirmedReceipts receipts = new UnconfirmedReceipts(jdbc);
        TestTerminal t = register("127.0.0.1");
        String sent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        String receipt = t.request().contentType(ContentType.JSON).header("traceparent", sent)
                .body(order(t.storeCode(), 12, JAN_A)).when().post("/v1/orders")
                .then().statusCode(202).extract().path("receiptId");

        String published = TestEvents.header(orderEventOf(receipt), EventHeaders.TRACEPARENT);
        assertEquals(Optional.of("0af7651916cd43dd8448eb211c80319c"), Tracing.traceId(published), published);
        assertNotEquals("b7ad6b7169203331", Tracing.parse(published).orElseThrow().getSpanId(),
                "the gateway's span, a child of the terminal's");
        awaitPublished(receipts, receipt);

        // A terminal that sends no trace context gets a trace started by the gateway.
        String untraced = t.request().contentType(ContentType.JSON).body(order(t.storeCode(), 13, JAN_A))
                .when().post("/v1/orders").then().statusCode(202).extract().path("receiptId");
        String started = TestEvents.header(orderEventOf(untraced), EventHeaders.TRACEPARENT);
        assertTrue(Tracing.parse(started).isPresent(), String.valueOf(started));
        assertNotEquals(Tracing.traceId(published), Tracing.traceId(started));
    }

    @Test
    void relayPublishesAReceiptNobodyResends() {
        UnconfirmedReceipts receipts = new UnconfirmedReceipts(jdbc);
        TestTerminal t = register("127.0.0.1");
        Instant anHourAgo = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        UnconfirmedReceipts.Unconfirmed stored = receipts.insert(t, 5, anHourAgo, null);
        assertTrue(receipts.inOutbox(stored.receipt()));

        ConsumerRecord<String, String> record = orderEventOf(stored.receipt().toString());

        assertEquals(t.storeCode(), record.key());
        assertEquals(stored.payload(), record.value());
        assertEquals(stored.traceparent(), TestEvents.header(record, EventHeaders.TRACEPARENT),
                "published in the trace of the request that took it");
        awaitPublished(receipts, stored.receipt());
    }

    private static void awaitPublished(UnconfirmedReceipts receipts, Object receipt) {
        await("receipt " + receipt + " noted as confirmed by Kafka").atMost(Duration.ofSeconds(30))
                .until(() -> receipts.published(receipt));
    }
}
