package jp.foodtrace.gateway;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Registers terminals and builds requests as a terminal sends them. */
final class GatewayFixture {

    static final String ADMIN = "Bearer local-admin-token";

    private GatewayFixture() {
    }

    /** A registered terminal with a fresh id, key and store. */
    record TestTerminal(String id, String key, String storeCode) {

        RequestSpecification request() {
            return given().header("X-Terminal-Id", id).header("Authorization", "Bearer " + key);
        }
    }

    static TestTerminal register(String source) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TestTerminal terminal = new TestTerminal("T-" + suffix, "key-" + UUID.randomUUID(), "S" + suffix);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("storeCode", terminal.storeCode(), "source", source, "key", terminal.key()))
                .when().put("/v1/admin/terminals/" + terminal.id())
                .then().statusCode(201);
        return terminal;
    }

    static String order(String storeCode, long sequence, String... itemCodes) {
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
}
