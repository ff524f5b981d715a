package jp.foodtrace.gateway.terminal.rest;

import static io.restassured.RestAssured.given;
import static jp.foodtrace.gateway.GatewayFixture.ADMIN;
import static jp.foodtrace.gateway.GatewayFixture.register;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.foodtrace.gateway.GatewayFixture.TestTerminal;
import jp.foodtrace.testsupport.SuitePlatformResource;

/** The terminal registry behind the admin token: fleet import and the silent list. */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "terminal-gateway"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class TerminalRegistryTest {

    @Test
    void heartbeatTakesTerminalOffTheSilentList() {
        TestTerminal quiet = register("127.0.0.1");
        TestTerminal alive = register("127.0.0.1");
        alive.request().when().post("/v1/heartbeat").then().statusCode(200).body("terminalId", equalTo(alive.id()));
        List<String> silent = given().header("Authorization", ADMIN)
                .queryParam("since", Instant.now().minusSeconds(60).toString())
                .when().get("/v1/ops/terminals/silent").then().statusCode(200).extract().path("terminalId");
        assertTrue(silent.contains(quiet.id()), silent.toString());
        assertFalse(silent.contains(alive.id()), silent.toString());
        given().when().get("/v1/ops/terminals/silent").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"terminals\"").body("code", equalTo("missing-credential"));
    }

    @Test
    void fleetCsvImportRegistersValidLinesAndReportsBadOnes() {
        String csv = "terminal_id,store_code,source,key\n"
                + "T-IMP-1,S900,127.0.0.0/8,imported-key-000000001\n"
                + "T-IMP-2,S901,not-an-ip,imported-key-000000002\n"
                + "T-IMP-3,S902,10.1.0.0/16,short\n";
        given().header("Authorization", ADMIN).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/v1/admin/terminals/import")
                .then().statusCode(200)
                .body("created", equalTo(1))
                .body("rejected.line", equalTo(List.of(3, 4)))
                .body("rejected.field", equalTo(List.of("source", "key")));
        given().header("X-Terminal-Id", "T-IMP-1").header("Authorization", "Bearer imported-key-000000001")
                .when().post("/v1/heartbeat").then().statusCode(200);
    }

    @Test
    void fleetCsvWithAnUnterminatedQuoteIsRefusedWithItsLine() {
        String csv = "terminal_id,store_code,source,key\n"
                + "T-IMP-9,S909,127.0.0.0/8,\"imported-key-000000009\n";
        given().header("Authorization", ADMIN).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/v1/admin/terminals/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("malformed-csv"))
                .body("errors[0].line", equalTo(2));
    }
}
