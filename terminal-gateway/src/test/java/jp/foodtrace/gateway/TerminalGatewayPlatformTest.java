package jp.foodtrace.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jp.foodtrace.gateway.messaging.Channels;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.testsupport.PlatformContract;
import jp.foodtrace.testsupport.SuitePlatformResource;

/** Terminal gateway on the real platform: the suite's platform contract, and what only the gateway promises. */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "terminal-gateway"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class TerminalGatewayPlatformTest implements PlatformContract {

    @Override
    public String openApiTitle() {
        return "Terminal gateway API";
    }

    @Override
    public Map<String, String> incomingChannels() {
        return Map.of(
                Channels.ORDERS_STATUS, Topics.ORDERS_STATUS,
                Channels.MASTER_PRODUCTS, Topics.MASTER_PRODUCTS,
                Channels.MASTER_STORES, Topics.MASTER_STORES);
    }

    /** A product master record as HQ sends it, for an item of its own. */
    @Override
    public SampleEvent sampleEvent() {
        String item = "49" + String.format("%011d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(),
                100_000_000_000L));
        return new SampleEvent(Topics.MASTER_PRODUCTS, item, "ProductMaster", "{\"itemCode\":\"" + item
                + "\",\"name\":\"牛乳\",\"unit\":\"CS\",\"orderable\":true,\"minQuantity\":1,\"maxQuantity\":50,"
                + "\"version\":1}");
    }

    @Test
    void benchmarkEndpointIsNotInTheProductionBuild() {
        // POST /v1/bench/noop exists only in a build with the Maven profile bench.
        given().contentType(ContentType.JSON).body("{}").when().post("/v1/bench/noop")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("not-found"));
    }
}
