package jp.foodtrace.order.storeorder;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.Inbox;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.order.master.Product;
import jp.foodtrace.order.master.Store;
import jp.foodtrace.testsupport.Management;
import jp.foodtrace.testsupport.Ops;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;

/** Terminal orders through order-service on the real broker and database. */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "order-service"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class OrderFlowTest {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private final TestEvents events = TestEvents.onTestPlatform();

    @Inject
    Inbox inbox;

    /** A store and a product of its own for each test, already applied by the service. */
    private record Shop(String store, String item) {
    }

    private Shop shop() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Shop shop = new Shop("S" + suffix, "49" + String.format("%011d", Math.floorMod(suffix.hashCode(), 100_000_000_000L)));
        events.send(Topics.MASTER_STORES, shop.store(), "StoreMaster", "{\"storeCode\":\"" + shop.store()
                + "\",\"name\":\"新宿店\",\"cutOffTime\":\"10:00\",\"contactEmail\":\"s@example.jp\",\"version\":1}");
        events.send(Topics.MASTER_PRODUCTS, shop.item(), "ProductMaster", "{\"itemCode\":\"" + shop.item()
                + "\",\"name\":\"豆腐\",\"unit\":\"CS\",\"orderable\":true,\"minQuantity\":1,\"maxQuantity\":20,\"version\":1}");
        await("master data applied").atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(
                () -> Store.findById(shop.store()) != null && Product.findById(shop.item()) != null));
        return shop;
    }

    private static String order(Shop shop, String receipt, long sequence, LocalDate delivery, int quantity) {
        return "{\"receiptId\":\"" + receipt + "\",\"terminalId\":\"T-" + shop.store() + "\",\"storeCode\":\""
                + shop.store() + "\",\"sequence\":" + sequence + ",\"deliveryDate\":\"" + delivery
                + "\",\"receivedAt\":\"" + java.time.Instant.now() + "\",\"lines\":[{\"lineNo\":1,\"itemCode\":\""
                + shop.item() + "\",\"quantity\":" + quantity + ",\"unit\":\"CS\"}]}";
    }

    private static LocalDate inTime() {
        return LocalDate.now(JAPAN).plusDays(2);
    }

    @Test
    void acceptedOrderIsStoredOnceAndPublishedForHqAndTheTerminal() {
        Shop shop = shop();
        String receipt = UUID.randomUUID().toString();
        events.send(Topics.TERMINAL_ORDERS, shop.store(), "TerminalOrderSubmitted", order(shop, receipt, 1, inTime(), 4));
        String orderId = awaitOrder(shop.store(), "ACCEPTED");
        Ops.given().when().get("/v1/orders/" + orderId).then().statusCode(200)
                .body("receiptId", equalTo(receipt)).body("lines[0].quantity", equalTo(4))
                .body("history[0].status", equalTo("ACCEPTED"));
        List<ConsumerRecord<String, String>> accepted = recordsMentioning(Topics.ORDERS_ACCEPTED, orderId);
        assertEquals(1, accepted.size());
        assertEquals(shop.store(), accepted.get(0).key());
        List<ConsumerRecord<String, String>> status = recordsMentioning(Topics.ORDERS_STATUS, receipt);
        assertEquals(1, status.size());
        assertTrue(status.get(0).value().contains("\"status\":\"ACCEPTED\""), status.get(0).value());
    }

    @Test
    void sameKafkaRecordDeliveredTwiceGivesOneOrder() {
        Shop shop = shop();
        String receipt = UUID.randomUUID().toString();
        String body = order(shop, receipt, 5, inTime(), 2);
        EventEnvelope first = events.send(Topics.TERMINAL_ORDERS, shop.store(), "TerminalOrderSubmitted", body);
        events.send(Topics.TERMINAL_ORDERS, shop.store(), first.headers(), body);
        // A second submission of the same (terminal, sequence) under a new receipt and event id.
        EventEnvelope resubmitted = events.send(Topics.TERMINAL_ORDERS, shop.store(), "TerminalOrderSubmitted",
                order(shop, UUID.randomUUID().toString(), 5, inTime(), 2));
        String orderId = awaitOrder(shop.store(), "ACCEPTED");
        // One key, one partition: once the last record is done, the redelivery before it is too.
        await("resubmission consumed").atMost(PATIENCE).until(() -> inbox.seen(resubmitted.id()));
        Ops.given().queryParam("storeCode", shop.store()).when().get("/v1/orders").then().body("size()", equalTo(1));
        assertEquals(1, recordsMentioning(Topics.ORDERS_ACCEPTED, orderId).size());
    }

    @Test
    void lateOrderAfterCutOffIsRejectedAndNotSentToHq() {
        Shop shop = shop();
        String receipt = UUID.randomUUID().toString();
        events.send(Topics.TERMINAL_ORDERS, shop.store(), "TerminalOrderSubmitted",
                order(shop, receipt, 1, LocalDate.now(JAPAN), 2));
        String orderId = awaitOrder(shop.store(), "REJECTED");
        Ops.given().when().get("/v1/orders/" + orderId).then().body("history[0].detail", equalTo("after-cut-off"));
        List<ConsumerRecord<String, String>> status = recordsMentioning(Topics.ORDERS_STATUS, receipt);
        assertTrue(status.get(0).value().contains("\"code\":\"after-cut-off\""), status.get(0).value());
        assertTrue(recordsMentioning(Topics.ORDERS_ACCEPTED, orderId).isEmpty());
    }

    @Test
    void quantityOutOfRangeIsRejectedWithItsLine() {
        Shop shop = shop();
        events.send(Topics.TERMINAL_ORDERS, shop.store(), "TerminalOrderSubmitted",
                order(shop, UUID.randomUUID().toString(), 1, inTime(), 99));
        String orderId = awaitOrder(shop.store(), "REJECTED");
        Ops.given().when().get("/v1/orders/" + orderId).then()
                .body("lines[0].rejectionCode", equalTo("quantity-out-of-range"));
    }

    @Test
    void shipmentNamingTheOrderMarksItShipped() {
        Shop shop = shop();
        String receipt = UUID.randomUUID().toString();
        events.send(Topics.TERMINAL_ORDERS, shop.store(), "TerminalOrderSubmitted", order(shop, receipt, 1, inTime(), 1));
        String orderId = awaitOrder(shop.store(), "ACCEPTED");
        events.send(Topics.SHIPMENTS, shop.store(), "ShipmentRecorded", "{\"shipmentId\":\"SH-" + shop.store()
                + "\",\"storeCode\":\"" + shop.store() + "\",\"shippedAt\":\"2030-01-01T00:00:00Z\",\"orderIds\":[\""
                + orderId + "\"],\"lines\":[{\"itemCode\":\"" + shop.item() + "\",\"lotNumber\":\"L1\",\"quantity\":1}]}");
        awaitOrder(shop.store(), "SHIPPED");
        await("SHIPPED status published").atMost(PATIENCE).until(() -> recordsMentioning(Topics.ORDERS_STATUS, receipt)
                .stream().anyMatch(r -> r.value().contains("\"status\":\"SHIPPED\"")));
    }

    @Test
    void poisonRecordLandsInTheDeadLetterTopicWithTheReason() {
        String key = "POISON-" + UUID.randomUUID();
        events.send(Topics.TERMINAL_ORDERS, key, "TerminalOrderSubmitted", "{\"receiptId\": [not json");
        await("dead-lettered").atMost(PATIENCE).until(() -> events.read(Topics.deadLetterOf(Topics.TERMINAL_ORDERS),
                Integer.MAX_VALUE, Duration.ofSeconds(2)).stream().anyMatch(r -> key.equals(r.key())
                        && TestEvents.header(r, "dead-letter-reason").contains("payload is not a TerminalOrderSubmitted")));
        String metrics = Management.given().when().get("/q/metrics").then().extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.contains("outcome=\"dead-lettered\"")
                && l.contains("topic=\"terminal.orders.v1\"")), metrics);
        assertFalse(QuarkusTransaction.requiringNew().call(() -> StoreOrder.count("storeCode", key) > 0));
    }

    private String awaitOrder(String store, String status) {
        await("order " + status).atMost(PATIENCE).until(() -> !Ops.given().queryParam("storeCode", store)
                .queryParam("status", status).when().get("/v1/orders").then().statusCode(200).extract()
                .<List<?>>path("").isEmpty());
        return Ops.given().queryParam("storeCode", store).queryParam("status", status).when().get("/v1/orders")
                .then().extract().path("[0].orderId");
    }

    private List<ConsumerRecord<String, String>> recordsMentioning(String topic, String text) {
        return events.read(topic, Integer.MAX_VALUE, Duration.ofSeconds(3)).stream()
                .filter(r -> r.value().contains(text)).toList();
    }
}
