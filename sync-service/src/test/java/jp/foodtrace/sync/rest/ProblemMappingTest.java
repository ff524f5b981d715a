package jp.foodtrace.sync.rest;

import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jp.foodtrace.sync.SyncApi;
import jp.foodtrace.testsupport.SuitePlatformResource;

/** The service's own problem answers, beside the shared ones of {@code jp.foodtrace.rest.ProblemMappers}. */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "sync-service"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class ProblemMappingTest {

    @Test
    void malformedJsonBodyIsA400ProblemWithAStableCode() {
        SyncApi.as(SyncApi.clientWith("feed:read")).contentType(ContentType.JSON).body("{\"position\":")
                .when().post("/v1/feed/orders/ack").then()
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("malformed-json"))
                .body("type", equalTo("https://foodtrace.jp/problems/malformed-json"));
    }

    @Test
    void batchThatIsNotAnArrayIsA400Problem() {
        SyncApi.as(SyncApi.clientWith("data:write")).contentType(ContentType.JSON).body("{\"itemCode\":\"x\"}")
                .when().post("/v1/products").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("malformed-batch"));
    }

    @Test
    void unsupportedFeedCharsetIsA406Problem() {
        SyncApi.as(SyncApi.clientWith("feed:read")).header("Accept", "text/csv; charset=EUC-JP")
                .when().get("/v1/feed/orders").then()
                .statusCode(406).contentType("application/problem+json").body("code", equalTo("unsupported-charset"));
    }
}
