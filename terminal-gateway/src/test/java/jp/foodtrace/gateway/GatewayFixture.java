package jp.foodtrace.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.testsupport.TestEvents;

/** Registers terminals, builds requests as a terminal sends them, and finds the orders on Kafka. */
public final class GatewayFixture {

    public static final String ADMIN = "Bearer local-admin-token";
    public static final String JAN_A = "4901234567894";
    public static final String JAN_B = "4912345678904";
    /** A short JAN (GTIN-8) with a valid check digit. */
    public static final String JAN_8 = "49021028";
    public static final String BAD_JAN = "4901234567890";

    private GatewayFixture() {
    }

    /** A registered terminal with a fresh id, key and store. */
    public record TestTerminal(String id, String key, String storeCode) {

        public RequestSpecification request() {
            return given().header("X-Terminal-Id", id).header("Authorization", "Bearer " + key);
        }
    }

    public static TestTerminal register(String source) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TestTerminal terminal = new TestTerminal("T-" + suffix, "key-" + UUID.randomUUID(), "S" + suffix);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("storeCode", terminal.storeCode(), "source", source, "key", terminal.key()))
                .when().put("/v1/admin/terminals/" + terminal.id())
                .then().statusCode(201);
        return terminal;
    }

    public static String order(String storeCode, long sequence, String... itemCodes) {
        StringBuilder lines = new StringBuilder();
        for (String item : itemCodes) {
            if (lines.length() > 0) {
                lines.append(',');
            }
            lines.append("{\"itemCode\":\"").append(item).append("\",\"quantity\":3,\"unit\":\"CS\"}");
        }
        return "{\"storeCode\":\"" + storeCode + "\",\"sequence\":" + sequence
                + ",\"deliveryDate\":\"2030-01-15\",\"lines\":[" + lines + "]}";
    }

    /** The text as typed in full width: every printable ASCII character as its full-width form. */
    public static String fullWidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            wide.append(c > ' ' && c < 0x7f ? (char) (c + 0xFEE0) : c);
        }
        return wide.toString();
    }

    /** The order event of a receipt on {@code terminal.orders.v1}, waited for up to a minute. */
    public static ConsumerRecord<String, String> orderEventOf(String receipt) {
        return orderEventsOf(receipt, 1).get(0);
    }

    /** At least {@code expected} order events of a receipt, waited for up to a minute. */
    public static List<ConsumerRecord<String, String>> orderEventsOf(String receipt, int expected) {
        return await("order events of receipt " + receipt).atMost(Duration.ofSeconds(60))
                .until(() -> TestEvents.onTestPlatform().read(Topics.TERMINAL_ORDERS, Integer.MAX_VALUE,
                        Duration.ofSeconds(3)).stream().filter(r -> r.value().contains(receipt)).toList(),
                        found -> found.size() >= expected);
    }
}
