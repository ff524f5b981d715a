package jp.foodtrace.sync.feed.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.sync.SyncApi;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;
import jp.foodtrace.text.JapaneseText;

@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "sync-service"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class OrderFeedTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void feedPagesOrdersInArrivalOrderWithLinesInOrderAndNextCursor() {
        String token = SyncApi.clientWith("feed:read");
        String start = endOfFeed(token);
        List<String> sent = sendOrders("S100", 5);

        JsonPath first = page(token, start, 2);
        assertEquals(sent.subList(0, 2), first.getList("orders.orderId"));
        assertTrue(first.getBoolean("more"));
        assertEquals(List.of(1, 2), first.getList("orders[0].lines.lineNo"));
        assertEquals("4901234567887", first.getString("orders[0].lines[0].itemCode"));
        assertEquals(first.getString("orders[1].cursor"), first.getString("next"));

        JsonPath second = page(token, first.getString("next"), 2);
        assertEquals(sent.subList(2, 4), second.getList("orders.orderId"));
        JsonPath third = page(token, second.getString("next"), 2);
        assertEquals(sent.subList(4, 5), third.getList("orders.orderId"));
        assertFalse(third.getBoolean("more"));
        JsonPath empty = page(token, third.getString("next"), 2);
        assertTrue(empty.getList("orders").isEmpty());
        assertEquals(third.getString("next"), empty.getString("next"));
    }

    @Test
    void redeliveredOrderAppearsOnceInTheFeed() {
        String token = SyncApi.clientWith("feed:read");
        String start = endOfFeed(token);
        String orderId = "dup-" + UUID.randomUUID();
        TestEvents events = TestEvents.onTestPlatform();
        // Same order, two different event ids (a producer retry after a lost ack).
        events.send(Topics.ORDERS_ACCEPTED, "S101", "OrderAccepted", SyncApi.orderAcceptedJson(orderId, "S101", 1));
        events.send(Topics.ORDERS_ACCEPTED, "S101", "OrderAccepted", SyncApi.orderAcceptedJson(orderId, "S101", 1));
        String marker = sendOrders("S101", 1).get(0);
        await("marker order in feed").atMost(WAIT)
                .until(() -> page(token, start, 100).getList("orders.orderId").contains(marker));
        assertEquals(List.of(orderId, marker), page(token, start, 100).getList("orders.orderId"));
    }

    @Test
    void acknowledgedPositionSurvivesRestartAndReplayStartsFromAnyCursor() {
        String token = SyncApi.clientWith("feed:read");
        String start = endOfFeed(token);
        List<String> sent = sendOrders("S102", 4);
        JsonPath firstTwo = page(token, start, 2);
        String acked = firstTwo.getString("next");
        SyncApi.as(token).contentType(ContentType.JSON).body(Map.of("position", acked))
                .when().post("/v1/feed/orders/ack").then().statusCode(200).body("acknowledged", equalTo(acked));

        // A restarted client knows nothing but its token: it asks for its position and reads on,
        // and a read without a cursor continues after the acknowledged position from the database.
        SyncApi.as(token).when().get("/v1/feed/orders/ack").then().statusCode(200).body("acknowledged", equalTo(acked));
        JsonPath resumed = SyncApi.as(token).queryParam("limit", 10).when().get("/v1/feed/orders").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(sent.subList(2, 4), resumed.getList("orders.orderId"));

        // An older acknowledgement does not move the position back.
        SyncApi.as(token).contentType(ContentType.JSON).body(Map.of("position", start))
                .when().post("/v1/feed/orders/ack").then().statusCode(200).body("acknowledged", equalTo(acked));

        // Replay: everything from the earlier cursor again.
        assertEquals(sent, page(token, start, 10).getList("orders.orderId"));
    }

    @Test
    void ackBeyondTheEndOfTheFeedIsRejected() {
        String token = SyncApi.clientWith("feed:read");
        SyncApi.as(token).contentType(ContentType.JSON).body(Map.of("position", "999999999"))
                .when().post("/v1/feed/orders/ack").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid-cursor"));
        SyncApi.as(token).queryParam("after", "abc").when().get("/v1/feed/orders").then()
                .statusCode(400).body("code", equalTo("invalid-cursor"));
    }

    @Test
    void feedAsShiftJisCsvHasOneRowPerLineAndTheNextCursorInAHeader() {
        String token = SyncApi.clientWith("feed:read");
        String start = endOfFeed(token);
        List<String> sent = sendOrders("S103", 2);
        Response response = SyncApi.as(token).header("Accept", "text/csv; charset=Shift_JIS")
                .queryParam("after", start).queryParam("limit", 10)
                .when().get("/v1/feed/orders").then().statusCode(200).extract().response();
        assertTrue(response.contentType().toLowerCase().contains("shift_jis"), response.contentType());
        String csv = new String(response.asByteArray(), Charset.forName("Shift_JIS"));
        String[] rows = csv.split("\r\n");
        assertEquals(5, rows.length, csv);
        assertTrue(rows[0].startsWith("cursor,order_id,"), rows[0]);
        assertTrue(rows[1].contains(sent.get(0)) && rows[1].endsWith(",1,4901234567887,12,ケース"), rows[1]);
        assertTrue(rows[2].endsWith(",2,4901234567894,3,個"), rows[2]);
        assertTrue(rows[4].contains(sent.get(1)), rows[4]);
        assertEquals(page(token, start, 10).getString("next"), response.header(FeedResource.NEXT_CURSOR));

        Response utf8 = SyncApi.as(token).header("Accept", "text/csv")
                .queryParam("after", start).queryParam("limit", 10)
                .when().get("/v1/feed/orders").then().statusCode(200).extract().response();
        assertTrue(new String(utf8.asByteArray(), StandardCharsets.UTF_8).contains("ケース"));
    }

    @Test
    void shiftJisFeedCarriesWindows31jExtensionCharactersAndMarksWhatShiftJisCannotHold() {
        String token = SyncApi.clientWith("feed:read");
        String start = endOfFeed(token);
        String orderId = "S104-" + UUID.randomUUID();
        String payload = SyncApi.orderAcceptedJson(orderId, "S104", 1)
                .replace("\"unit\":\"ケース\"", "\"unit\":\"①号箱㈱髙\"")
                .replace("\"unit\":\"個\"", "\"unit\":\"𠮷\"");
        TestEvents.onTestPlatform().send(Topics.ORDERS_ACCEPTED, "S104", "OrderAccepted", payload);
        await("order in the feed").atMost(WAIT)
                .until(() -> page(token, start, 100).getList("orders.orderId").contains(orderId));

        Response response = SyncApi.as(token).header("Accept", "text/csv; charset=Shift_JIS")
                .queryParam("after", start).queryParam("limit", 100)
                .when().get("/v1/feed/orders").then().statusCode(200).extract().response();
        assertTrue(response.contentType().contains("charset=Shift_JIS"), response.contentType());
        // Strict decoding: the answer is valid Windows-31J through and through.
        List<String> rows = JapaneseText.decode(response.asByteArray(), JapaneseText.WINDOWS_31J).lines()
                .filter(row -> row.contains(orderId)).toList();
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.get(0).endsWith(",1,4901234567887,12,①号箱㈱髙"), rows.get(0));
        assertTrue(rows.get(1).endsWith(",2,4901234567894,3,〓"), rows.get(1));
        assertEquals("1", response.header(FeedResource.SUBSTITUTED));

        Response utf8 = SyncApi.as(token).header("Accept", "text/csv; charset=UTF-8")
                .queryParam("after", start).queryParam("limit", 100)
                .when().get("/v1/feed/orders").then().statusCode(200).extract().response();
        assertTrue(new String(utf8.asByteArray(), StandardCharsets.UTF_8).contains(",2,4901234567894,3,𠮷\r\n"));
        assertEquals("0", utf8.header(FeedResource.SUBSTITUTED));
    }

    private static List<String> sendOrders(String store, int count) {
        TestEvents events = TestEvents.onTestPlatform();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String orderId = store + "-" + UUID.randomUUID();
            events.send(Topics.ORDERS_ACCEPTED, store, "OrderAccepted", SyncApi.orderAcceptedJson(orderId, store, i + 1));
            ids.add(orderId);
        }
        String token = SyncApi.clientWith("feed:read");
        await(count + " orders in the feed").atMost(WAIT)
                .until(() -> page(token, "0", 1000).getList("orders.orderId").containsAll(ids));
        return ids;
    }

    private static String endOfFeed(String token) {
        String cursor = "0";
        while (true) {
            JsonPath page = page(token, cursor, 1000);
            cursor = page.getString("next");
            if (!page.getBoolean("more")) {
                return cursor;
            }
        }
    }

    private static JsonPath page(String token, String after, int limit) {
        return SyncApi.as(token).queryParam("after", after).queryParam("limit", limit)
                .when().get("/v1/feed/orders").then().statusCode(200).extract().jsonPath();
    }
}
