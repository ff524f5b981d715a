package jp.foodtrace.sync.access.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jp.foodtrace.sync.SyncApi;
import jp.foodtrace.testsupport.SuitePlatformResource;

@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "sync-service"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class ClientAccessTest {

    @Test
    void requestWithoutTokenIsRefusedWith401Problem() {
        given().when().get("/v1/feed/orders").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", equalTo("unauthenticated"))
                .body("type", equalTo("https://foodtrace.jp/problems/unauthenticated"))
                .body("status", equalTo(401));
    }

    @Test
    void unknownTokenIsRefusedWith401Problem() {
        SyncApi.as("ftc_not-a-registered-token").when().get("/v1/feed/orders").then()
                .statusCode(401).contentType("application/problem+json").body("code", equalTo("unauthenticated"));
    }

    @Test
    void tokenWithoutTheScopeIsRefusedWith403Problem() {
        String traceOnly = SyncApi.clientWith("trace:read");
        SyncApi.as(traceOnly).when().get("/v1/feed/orders").then()
                .statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("insufficient-scope"))
                .body("detail", equalTo("scope feed:read is required"));
        SyncApi.as(traceOnly).contentType(ContentType.JSON).body("[]").when().post("/v1/products").then()
                .statusCode(403).body("code", equalTo("insufficient-scope"));
    }

    @Test
    void tokenWithTheScopeIsAdmitted() {
        SyncApi.as(SyncApi.clientWith("feed:read")).when().get("/v1/feed/orders").then().statusCode(200);
    }

    @Test
    void clientTokenCannotUseTheAdminEndpoint() {
        String client = SyncApi.clientWith("feed:read", "data:write", "trace:read", "recall:write");
        SyncApi.as(client).when().get("/v1/admin/clients").then()
                .statusCode(401).contentType("application/problem+json");
    }

    @Test
    void adminListsClientsWithoutTheirTokens() {
        SyncApi.clientWith("feed:read");
        SyncApi.as(SyncApi.ADMIN_TOKEN).when().get("/v1/admin/clients").then()
                .statusCode(200)
                .body("[0]", not(hasKey("token")))
                .body("[0]", not(hasKey("tokenHash")))
                .body("scopes.flatten()", hasItems("feed:read"));
    }

    @Test
    void unknownScopeIsRejectedWhenRegistering() {
        SyncApi.as(SyncApi.ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "scopes", List.of("feed:write"))).when().post("/v1/admin/clients").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("unknown-scope"));
    }

    @Test
    void rotatedTokenReplacesTheOldOneAtOnce() {
        String old = SyncApi.as(SyncApi.ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", "rotating", "scopes", List.of("feed:read"))).when().post("/v1/admin/clients")
                .then().statusCode(201).extract().path("token");
        String clientId = SyncApi.as(SyncApi.ADMIN_TOKEN).contentType(ContentType.JSON)
                .when().get("/v1/admin/clients").then().statusCode(200)
                .extract().jsonPath().getString("find { it.name == 'rotating' }.clientId");
        String fresh = SyncApi.as(SyncApi.ADMIN_TOKEN).when().post("/v1/admin/clients/" + clientId + "/token")
                .then().statusCode(200).body("clientId", equalTo(clientId)).extract().path("token");
        SyncApi.as(old).when().get("/v1/feed/orders").then().statusCode(401).contentType("application/problem+json");
        SyncApi.as(fresh).when().get("/v1/feed/orders").then().statusCode(200);
    }

    @Test
    void revokedClientIsRefused() {
        String token = SyncApi.as(SyncApi.ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", "revoked", "scopes", List.of("feed:read"))).when().post("/v1/admin/clients")
                .then().statusCode(201).extract().path("token");
        String clientId = SyncApi.as(SyncApi.ADMIN_TOKEN).when().get("/v1/admin/clients").then().statusCode(200)
                .extract().jsonPath().getString("find { it.name == 'revoked' }.clientId");
        SyncApi.as(token).when().get("/v1/feed/orders").then().statusCode(200);
        SyncApi.as(SyncApi.ADMIN_TOKEN).when().delete("/v1/admin/clients/" + clientId).then().statusCode(204);
        SyncApi.as(token).when().get("/v1/feed/orders").then().statusCode(401).contentType("application/problem+json");
        SyncApi.as(SyncApi.ADMIN_TOKEN).when().delete("/v1/admin/clients/" + clientId).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
