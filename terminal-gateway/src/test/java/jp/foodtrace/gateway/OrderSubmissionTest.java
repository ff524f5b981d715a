package jp.foodtrace.gateway;

import static io.restassured.RestAssured.given;
import static jp.foodtrace.gateway.GatewayFixture.ADMIN;
import static jp.foodtrace.gateway.GatewayFixture.order;
import static jp.foodtrace.gateway.GatewayFixture.register;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;

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

/** Terminals submitting orders through the gateway, on the real broker and database. */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "terminal-gateway"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class OrderSubmissionTest {

    static final String JAN_A = "4901234567894";
    static final String JAN_B = "4912345678904";
    static final String BAD_JAN = "4901234567890";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void acceptedOrderIsOnTheTopicBeforeTheReceiptIsGiven() throws Exception {
        TestTerminal t = register("127.0.0.1");
        String receipt = t.request().contentType(ContentType.JSON).body(order(t.storeCode(), 1, JAN_A, JAN_B))
                .when().post("/v1/orders")
                .then().statusCode(202).contentType(ContentType.JSON)
                .body("status", equalTo("RECEIVED")).body("sequence", equalTo(1))
                .extract().path("receiptId");
        ConsumerRecord<String, String> record = find(receipt);
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
    void unknownTerminalIsRefusedWith401() {
        given().header("X-Terminal-Id", "T-nobody").header("Authorization", "Bearer some-key-that-is-long")
                .contentType(ContentType.JSON).body(order("S1", 1, JAN_A))
                .when().post("/v1/orders")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("unknown-terminal"));
    }

    @Test
    void wrongKeyIsRefusedWith401() {
        TestTerminal t = register("127.0.0.1");
        given().header("X-Terminal-Id", t.id()).header("Authorization", "Bearer wrong-key-0123456789")
                .contentType(ContentType.JSON).body(order(t.storeCode(), 1, JAN_A))
                .when().post("/v1/orders")
                .then().statusCode(401).body("code", equalTo("bad-credential"));
    }

    @Test
    void rightKeyFromWrongAddressIsRefusedWith403AndCounted() {
        TestTerminal t = register("10.20.30.40");
        t.request().contentType(ContentType.JSON).body(order(t.storeCode(), 1, JAN_A))
                .when().post("/v1/orders")
                .then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("source-address-mismatch"));
        given().when().get("/q/metrics").then()
                .body(containsString("suite_terminal_gateway_refusals_total{reason=\"source-address-mismatch\"}"));
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        TestTerminal t = register("10.20.30.41");
        t.request().header("X-Forwarded-For", "10.20.30.41").contentType(ContentType.JSON)
                .body(order(t.storeCode(), 1, JAN_A))
                .when().post("/v1/orders")
                .then().statusCode(403).body("code", equalTo("source-address-mismatch"));
    }

    @Test
    void malformedJsonIs400() {
        TestTerminal t = register("127.0.0.1");
        t.request().contentType(ContentType.JSON).body("{\"storeCode\": ").when().post("/v1/orders")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("malformed-json"));
    }

    @Test
    void badJanCheckDigitIs422WithTheLine() {
        TestTerminal t = register("127.0.0.1");
        t.request().contentType(ContentType.JSON).body(order(t.storeCode(), 1, JAN_A, BAD_JAN))
                .when().post("/v1/orders")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("invalid-order"))
                .body("errors", hasSize(1))
                .body("errors[0].line", equalTo(2))
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
    void burstBeyondTheTerminalsRateIs429() {
        TestTerminal t = register("127.0.0.1");
        io.restassured.response.Response refused = null;
        for (int i = 0; i < 60 && refused == null; i++) {
            io.restassured.response.Response response = t.request().when().post("/v1/heartbeat");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertEquals(200, response.statusCode());
            }
        }
        assertTrue(refused != null, "60 requests in a burst of 20 at 5/s must meet the limit");
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("rate-limited", refused.jsonPath().getString("code"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
    }

    @Test
    void shiftJisCsvBatchAcceptsGoodOrdersAndRejectsOnlyTheBadOne() throws Exception {
        TestTerminal t = register("127.0.0.1");
        String csv = String.join("\r\n",
                "store_code,sequence,delivery_date,item_code,quantity,unit",
                t.storeCode() + ",100,20300115," + JAN_A + ",2,ケース",
                t.storeCode() + ",100,20300115," + JAN_B + ",1,個",
                t.storeCode() + ",101,20300115," + BAD_JAN + ",1,個",
                t.storeCode() + ",102,2030-01-15," + JAN_B + ",5,CS",
                t.storeCode() + ",oops,2030-01-15," + JAN_B + ",5,CS",
                "");
        byte[] body = csv.getBytes(Charset.forName("Shift_JIS"));
        String receipt = t.request().contentType("text/csv; charset=Shift_JIS").body(body)
                .when().post("/v1/orders/csv")
                .then().statusCode(200)
                .body("accepted", equalTo(2)).body("rejected", equalTo(1))
                .body("orders.find { it.sequence == 101 }.outcome", equalTo("REJECTED"))
                .body("orders.find { it.sequence == 101 }.errors[0].line", equalTo(4))
                .body("orders.find { it.sequence == 101 }.errors[0].code", equalTo("invalid-jan"))
                .body("errors[0].line", equalTo(6))
                .body("errors[0].code", equalTo("invalid-sequence"))
                .extract().path("orders.find { it.sequence == 100 }.receiptId");
        JsonNode payload = JSON.readTree(find(receipt).value());
        assertEquals("ケース", payload.get("lines").get(0).get("unit").asText());
        assertEquals("個", payload.get("lines").get(1).get("unit").asText());
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
        awaitStatus(t, receipt, "REJECTED");
        t.request().when().get("/v1/orders/" + receipt).then()
                .body("rejections[0].code", equalTo("unknown-item")).body("orderId", equalTo("O-1"));
        // Another terminal cannot read it.
        TestTerminal other = register("127.0.0.1");
        other.request().when().get("/v1/orders/" + receipt).then().statusCode(404);
    }

    @Test
    void masterDataIsDownloadedIncrementally() {
        TestTerminal t = register("127.0.0.1");
        TestEvents events = TestEvents.onTestPlatform();
        events.send(Topics.MASTER_STORES, t.storeCode(), "StoreMaster", "{\"storeCode\":\"" + t.storeCode()
                + "\",\"name\":\"渋谷店\",\"cutOffTime\":\"10:00\",\"contactEmail\":\"s@example.jp\",\"version\":1}");
        String item = "49" + String.format("%011d", Math.floorMod(t.id().hashCode(), 100_000_000_000L));
        events.send(Topics.MASTER_PRODUCTS, item, "ProductMaster", "{\"itemCode\":\"" + item
                + "\",\"name\":\"牛乳\",\"unit\":\"CS\",\"orderable\":true,\"minQuantity\":1,\"maxQuantity\":50,\"version\":1}");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && t.request().when().get("/v1/master/store?since=0").then()
                .extract().<List<?>>path("items").isEmpty()) {
            sleep();
        }
        long version = t.request().when().get("/v1/master/store?since=0").then().statusCode(200)
                .body("items[0].name", equalTo("渋谷店")).extract().<Number>path("version").longValue();
        t.request().when().get("/v1/master/store?since=" + version).then().body("items", hasSize(0));
        while (System.nanoTime() < deadline && !t.request().when().get("/v1/master/products?since=0").then()
                .extract().<List<String>>path("items.itemCode").contains(item)) {
            sleep();
        }
        t.request().when().get("/v1/master/products?since=0").then().body("items.itemCode", hasItem(item));
    }

    @Test
    void heartbeatTakesTerminalOffTheSilentList() {
        TestTerminal quiet = register("127.0.0.1");
        TestTerminal alive = register("127.0.0.1");
        alive.request().when().post("/v1/heartbeat").then().statusCode(200).body("terminalId", equalTo(alive.id()));
        List<String> silent = given().header("Authorization", ADMIN)
                .queryParam("since", java.time.Instant.now().minusSeconds(60).toString())
                .when().get("/v1/ops/terminals/silent").then().statusCode(200).extract().path("terminalId");
        assertTrue(silent.contains(quiet.id()), silent.toString());
        assertTrue(!silent.contains(alive.id()), silent.toString());
        given().when().get("/v1/ops/terminals/silent").then().statusCode(401);
    }

    @Test
    void fleetCsvImportRegistersValidLinesAndReportsBadOnes() {
        String csv = "terminal_id,store_code,source,key\n"
                + "T-IMP-1,S900,127.0.0.0/8,imported-key-000000001\n"
                + "T-IMP-2,S901,not-an-ip,imported-key-000000002\n"
                + "T-IMP-3,S902,10.1.0.0/16,short\n";
        given().header("Authorization", ADMIN).contentType("text/csv").body(csv)
                .when().post("/v1/admin/terminals/import")
                .then().statusCode(200)
                .body("created", equalTo(1))
                .body("rejected.line", equalTo(List.of(3, 4)))
                .body("rejected.field", equalTo(List.of("source", "key")));
        given().header("X-Terminal-Id", "T-IMP-1").header("Authorization", "Bearer imported-key-000000001")
                .when().post("/v1/heartbeat").then().statusCode(200);
    }

    @Test
    void benchmarkEndpointIsOffUnlessEnabled() {
        given().contentType(ContentType.JSON).body("{}").when().post("/v1/bench/noop")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static ConsumerRecord<String, String> find(String receipt) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : TestEvents.onTestPlatform()
                    .read(Topics.TERMINAL_ORDERS, Integer.MAX_VALUE, Duration.ofSeconds(3))) {
                if (r.value().contains(receipt)) {
                    return r;
                }
            }
        }
        throw new AssertionError("receipt " + receipt + " not on " + Topics.TERMINAL_ORDERS);
    }

    private static void awaitStatus(TestTerminal t, String receipt, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline
                && !status.equals(t.request().when().get("/v1/orders/" + receipt).then().extract().path("status"))) {
            sleep();
        }
        t.request().when().get("/v1/orders/" + receipt).then().body("status", equalTo(status));
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
