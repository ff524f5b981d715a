package jp.foodtrace.gateway.order.rest;

import static jp.foodtrace.gateway.GatewayFixture.BAD_JAN;
import static jp.foodtrace.gateway.GatewayFixture.JAN_8;
import static jp.foodtrace.gateway.GatewayFixture.JAN_A;
import static jp.foodtrace.gateway.GatewayFixture.JAN_B;
import static jp.foodtrace.gateway.GatewayFixture.fullWidth;
import static jp.foodtrace.gateway.GatewayFixture.order;
import static jp.foodtrace.gateway.GatewayFixture.orderEventOf;
import static jp.foodtrace.gateway.GatewayFixture.register;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jp.foodtrace.gateway.GatewayFixture.TestTerminal;
import jp.foodtrace.messaging.EventHeaders;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;

/** Terminals submitting JSON orders and reading their status, on the real broker and database. */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "terminal-gateway"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class OrderSubmissionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void acceptedOrderIsOnTheTopicBeforeTheReceiptIsGiven() throws Exception {
        TestTerminal t = register("127.0.0.1");
        String receipt = t.request().contentType(ContentType.JSON).body(order(t.storeCode(), 1, JAN_A, JAN_B))
                .when().post("/v1/orders")
                .then().statusCode(202).contentType(ContentType.JSON)
                .body("status", equalTo("RECEIVED")).body("sequence", equalTo(1))
                .extract().path("receiptId");
        ConsumerRecord<String, String> record = orderEventOf(receipt);
        assertEquals(t.storeCode(), record.key());
        assertEquals("TerminalOrderSubmitted", TestEvents.header(record, EventHeaders.EVENT_TYPE));
        JsonNode payload = JSON.readTree(record.value());
        assertEquals(t.id(), payload.get("terminalId").asText());
        assertEquals(2, payload.get("lines").size());
        assertEquals(JAN_B, payload.get("lines").get(1).get("itemCode").asText());
    }

    @Test
    void resendOfSameSequenceReturnsOriginalReceiptAndWritesNothingNew() {
        TestTerminal t = register("127.0.0.1");
        String body = order(t.storeCode(), 7, JAN_A);
        String first = t.request().contentType(ContentType.JSON).body(body).when().post("/v1/orders")
                .then().statusCode(202).extract().path("receiptId");
        String second = t.request().contentType(ContentType.JSON).body(body).when().post("/v1/orders")
                .then().statusCode(200).extract().path("receiptId");
        assertEquals(first, second);
        long copies = TestEvents.onTestPlatform().read(Topics.TERMINAL_ORDERS, Integer.MAX_VALUE, Duration.ofSeconds(5))
                .stream().filter(r -> r.value().contains(first)).count();
        assertEquals(1, copies);
    }

    @Test
    void sameSequenceWithDifferentContentIs409() {
        TestTerminal t = register("127.0.0.1");
        t.request().contentType(ContentType.JSON).body(order(t.storeCode(), 3, JAN_A)).when().post("/v1/orders")
                .then().statusCode(202);
        t.request().contentType(ContentType.JSON).body(order(t.storeCode(), 3, JAN_B)).when().post("/v1/orders")
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("sequence-conflict"));
    }

    @Test
    void fullWidthStoreCodeJanQuantityAndUnitAreTakenAsAscii() throws Exception {
        TestTerminal t = register("127.0.0.1");
        String body = "{\"storeCode\":\"" + fullWidth(t.storeCode()) + "\",\"sequence\":1,\"deliveryDate\":\"2030-01-15\","
                + "\"lines\":[{\"itemCode\":\"" + fullWidth(JAN_A) + "\",\"quantity\":\"１２\",\"unit\":\"ＣＳ\"}]}";
        String receipt = t.request().contentType(ContentType.JSON).body(body).when().post("/v1/orders")
                .then().statusCode(202).extract().path("receiptId");
        JsonNode payload = JSON.readTree(orderEventOf(receipt).value());
        assertEquals(t.storeCode(), payload.get("storeCode").asText());
        JsonNode line = payload.get("lines").get(0);
        assertEquals(JAN_A, line.get("itemCode").asText());
        assertEquals(12, line.get("quantity").asInt());
        assertEquals("CS", line.get("unit").asText());
        // The same order typed in ASCII is a resend of it, not a conflict.
        String ascii = "{\"storeCode\":\"" + t.storeCode() + "\",\"sequence\":1,\"deliveryDate\":\"2030-01-15\","
                + "\"lines\":[{\"itemCode\":\"" + JAN_A + "\",\"quantity\":12,\"unit\":\"CS\"}]}";
        t.request().contentType(ContentType.JSON).body(ascii).when().post("/v1/orders")
                .then().statusCode(200).body("receiptId", equalTo(receipt));
    }

    @Test
    void shortJanGtin8IsAccepted() throws Exception {
        TestTerminal t = register("127.0.0.1");
        String receipt = t.request().contentType(ContentType.JSON).body(order(t.storeCode(), 1, JAN_8))
                .when().post("/v1/orders").then().statusCode(202).extract().path("receiptId");
        assertEquals(JAN_8, JSON.readTree(orderEventOf(receipt).value()).get("lines").get(0).get("itemCode").asText());
    }

    @Test
    void malformedJsonIs400() {
        TestTerminal t = register("127.0.0.1");
        t.request().contentType(ContentType.JSON).body("{\"storeCode\": ").when().post("/v1/orders")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("malformed-json"));
    }

    @Test
    void quantityTextThatIsNoNumberIsMalformedJson() {
        TestTerminal t = register("127.0.0.1");
        t.request().contentType(ContentType.JSON).body(order(t.storeCode(), 1, JAN_A).replace("\"quantity\":3",
                "\"quantity\":\"three\"")).when().post("/v1/orders")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("malformed-json"));
    }

    @Test
    void badJanCheckDigitIs422WithTheLine() {
        TestTerminal t = register("127.0.0.1");
        t.request().contentType(ContentType.JSON).body(order(t.storeCode(), 1, JAN_A, BAD_JAN))
                .when().post("/v1/orders")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("invalid-order"))
                .body("title", equalTo("Order not valid"))
                .body("errors", hasSize(1))
                .body("errors[0].line", equalTo(2))
                .body("errors[0].field", equalTo("itemCode"))
                .body("errors[0].code", equalTo("invalid-jan"));
    }

    @Test
    void orderForAnotherStoreIs422() {
        TestTerminal t = register("127.0.0.1");
        t.request().contentType(ContentType.JSON).body(order("OTHER", 1, JAN_A)).when().post("/v1/orders")
                .then().statusCode(422).body("errors[0].code", equalTo("store-mismatch"));
    }

    @Test
    void tooManyLinesIs422() {
        TestTerminal t = register("127.0.0.1");
        String[] items = new String[201];
        java.util.Arrays.fill(items, JAN_A);
        t.request().contentType(ContentType.JSON).body(order(t.storeCode(), 1, items)).when().post("/v1/orders")
                .then().statusCode(422).body("errors[0].code", equalTo("too-many-lines"));
    }

    @Test
    void oversizedBodyIs413() {
        TestTerminal t = register("127.0.0.1");
        String padding = "x".repeat(300_000);
        t.request().contentType(ContentType.JSON).body("{\"pad\":\"" + padding + "\"}").when().post("/v1/orders")
                .then().statusCode(413).contentType("application/problem+json").body("code", equalTo("body-too-large"));
    }

    @Test
    void statusFollowsOrdersStatusTopic() {
        TestTerminal t = register("127.0.0.1");
        String receipt = t.request().contentType(ContentType.JSON).body(order(t.storeCode(), 1, JAN_A))
                .when().post("/v1/orders").then().statusCode(202).extract().path("receiptId");
        t.request().when().get("/v1/orders/" + receipt).then().statusCode(200).body("status", equalTo("RECEIVED"));
        TestEvents.onTestPlatform().send(Topics.ORDERS_STATUS, t.storeCode(), "OrderStatusChanged",
                "{\"receiptId\":\"" + receipt + "\",\"orderId\":\"O-1\",\"terminalId\":\"" + t.id()
                        + "\",\"storeCode\":\"" + t.storeCode() + "\",\"status\":\"REJECTED\",\"at\":\"2030-01-14T01:00:00Z\","
                        + "\"rejections\":[{\"lineNo\":1,\"code\":\"unknown-item\",\"reason\":\"item not in master\"}]}");
        await("status REJECTED").atMost(Duration.ofSeconds(60)).until(
                () -> t.request().when().get("/v1/orders/" + receipt).then().extract().path("status"),
                equalTo("REJECTED"));
        t.request().when().get("/v1/orders/" + receipt).then()
                .body("rejections[0].code", equalTo("unknown-item")).body("orderId", equalTo("O-1"));
        // Another terminal cannot read it.
        TestTerminal other = register("127.0.0.1");
        other.request().when().get("/v1/orders/" + receipt).then().statusCode(404);
    }

    @Test
    void statusesOfAPollNeverMoveBackAndTheLastOfTheHighestWins() {
        TestTerminal t = register("127.0.0.1");
        String receipt = t.request().contentType(ContentType.JSON).body(order(t.storeCode(), 1, JAN_A))
                .when().post("/v1/orders").then().statusCode(202).extract().path("receiptId");
        // Sent back to back, so that they usually arrive in one poll: a late ACCEPTED after SHIPPED
        // must not undo it, whether applied in one statement or one by one.
        for (String[] s : new String[][] { { "ACCEPTED", "O-7", "null" }, { "SHIPPED", "O-7", "\"SH-1\"" },
                { "ACCEPTED", "O-7", "null" } }) {
            TestEvents.onTestPlatform().send(Topics.ORDERS_STATUS, t.storeCode(), "OrderStatusChanged",
                    "{\"receiptId\":\"" + receipt + "\",\"orderId\":\"" + s[1] + "\",\"terminalId\":\"" + t.id()
                            + "\",\"storeCode\":\"" + t.storeCode() + "\",\"status\":\"" + s[0]
                            + "\",\"at\":\"2030-01-14T01:00:00Z\",\"shipmentId\":" + s[2] + "}");
        }
        await("status SHIPPED").atMost(Duration.ofSeconds(60)).until(
                () -> t.request().when().get("/v1/orders/" + receipt).then().extract().path("status"),
                equalTo("SHIPPED"));
        // A status for a receipt nobody issued changes nothing and stops nothing behind it.
        TestEvents.onTestPlatform().send(Topics.ORDERS_STATUS, t.storeCode(), "OrderStatusChanged",
                "{\"receiptId\":\"" + java.util.UUID.randomUUID() + "\",\"orderId\":\"O-8\",\"terminalId\":\""
                        + t.id() + "\",\"storeCode\":\"" + t.storeCode()
                        + "\",\"status\":\"ACCEPTED\",\"at\":\"2030-01-14T01:00:00Z\"}");
        TestEvents.onTestPlatform().send(Topics.ORDERS_STATUS, t.storeCode(), "OrderStatusChanged",
                "{\"receiptId\":\"" + receipt + "\",\"orderId\":\"O-7\",\"terminalId\":\"" + t.id()
                        + "\",\"storeCode\":\"" + t.storeCode()
                        + "\",\"status\":\"ACCEPTED\",\"at\":\"2030-01-14T02:00:00Z\"}");
        // A marker behind them on the same partition (same key): once it is applied, so are they.
        String marker = t.request().contentType(ContentType.JSON).body(order(t.storeCode(), 2, JAN_A))
                .when().post("/v1/orders").then().statusCode(202).extract().path("receiptId");
        TestEvents.onTestPlatform().send(Topics.ORDERS_STATUS, t.storeCode(), "OrderStatusChanged",
                "{\"receiptId\":\"" + marker + "\",\"orderId\":\"O-9\",\"terminalId\":\"" + t.id()
                        + "\",\"storeCode\":\"" + t.storeCode()
                        + "\",\"status\":\"ACCEPTED\",\"at\":\"2030-01-14T02:00:00Z\"}");
        await("marker ACCEPTED").atMost(Duration.ofSeconds(60)).until(
                () -> t.request().when().get("/v1/orders/" + marker).then().extract().path("status"),
                equalTo("ACCEPTED"));
        t.request().when().get("/v1/orders/" + receipt).then().body("status", equalTo("SHIPPED"))
                .body("shipmentId", equalTo("SH-1"));
    }
}
