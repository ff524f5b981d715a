package jp.foodtrace.gateway.access.service;

import static io.restassured.RestAssured.given;
import static jp.foodtrace.gateway.GatewayFixture.JAN_A;
import static jp.foodtrace.gateway.GatewayFixture.order;
import static jp.foodtrace.gateway.GatewayFixture.register;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jp.foodtrace.gateway.GatewayFixture.TestTerminal;
import jp.foodtrace.testsupport.Management;
import jp.foodtrace.testsupport.SuitePlatformResource;

/** Who may call: key, registered source address and rate, each refusal with its status and code. */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "terminal-gateway"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class TerminalAccessTest {

    @Test
    void unknownTerminalIsRefusedWith401AndABearerChallenge() {
        given().header("X-Terminal-Id", "T-nobody").header("Authorization", "Bearer some-key-that-is-long")
                .contentType(ContentType.JSON).body(order("S1", 1, JAN_A))
                .when().post("/v1/orders")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"terminals\"")
                .body("code", equalTo("unknown-terminal"));
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
        Management.given().when().get("/q/metrics").then()
                .body(containsString("suite_terminal_gateway_auth_refused_total{reason=\"source-address-mismatch\",service=\"terminal-gateway\"}"));
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
    void aTerminalRegisteredAfterTheRegistryWasReadIsKnownAtOnce() {
        // The first request reads the whole registry into the cache; a terminal registered after
        // that read is not in it and must still be found (by its own query), not refused for 30 s.
        TestTerminal first = register("127.0.0.1");
        first.request().when().post("/v1/heartbeat").then().statusCode(200);
        TestTerminal later = register("127.0.0.1");
        later.request().when().post("/v1/heartbeat").then().statusCode(200);
        given().header("X-Terminal-Id", later.id()).header("Authorization", "Bearer wrong-key-0123456789")
                .when().post("/v1/heartbeat")
                .then().statusCode(401).body("code", equalTo("bad-credential"));
    }

    @Test
    void burstBeyondTheTerminalsRateIs429() {
        TestTerminal t = register("127.0.0.1");
        Response refused = null;
        for (int i = 0; i < 60 && refused == null; i++) {
            Response response = t.request().when().post("/v1/heartbeat");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertEquals(200, response.statusCode());
            }
        }
        assertNotNull(refused, "60 requests in a burst of 20 at 5/s must meet the limit");
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("rate-limited", refused.jsonPath().getString("code"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
    }
}
