package jp.foodtrace.gateway.master.rest;

import static jp.foodtrace.gateway.GatewayFixture.register;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.foodtrace.gateway.GatewayFixture.TestTerminal;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;

/** Master data from the compacted topics, downloaded by terminals since the version they last saw. */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "terminal-gateway"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class MasterDataDownloadTest {

    @Test
    void masterDataIsDownloadedIncrementally() {
        TestTerminal t = register("127.0.0.1");
        TestEvents events = TestEvents.onTestPlatform();
        events.send(Topics.MASTER_STORES, t.storeCode(), "StoreMaster", "{\"storeCode\":\"" + t.storeCode()
                + "\",\"name\":\"渋谷店\",\"cutOffTime\":\"10:00\",\"contactEmail\":\"s@example.jp\",\"version\":1}");
        String item = "49" + String.format("%011d", Math.floorMod(t.id().hashCode(), 100_000_000_000L));
        events.send(Topics.MASTER_PRODUCTS, item, "ProductMaster", "{\"itemCode\":\"" + item
                + "\",\"name\":\"牛乳\",\"unit\":\"CS\",\"orderable\":true,\"minQuantity\":1,\"maxQuantity\":50,\"version\":1}");

        await("the terminal's store downloadable").atMost(Duration.ofSeconds(60)).until(
                () -> t.request().when().get("/v1/master/store?since=0").then().extract().<List<?>>path("items"),
                not(hasSize(0)));
        long version = t.request().when().get("/v1/master/store?since=0").then().statusCode(200)
                .body("items[0].name", equalTo("渋谷店")).extract().<Number>path("version").longValue();
        t.request().when().get("/v1/master/store?since=" + version).then().body("items", hasSize(0));
        await("the product downloadable").atMost(Duration.ofSeconds(60)).until(
                () -> t.request().when().get("/v1/master/products?since=0").then()
                        .extract().<List<String>>path("items.itemCode"),
                hasItem(item));
    }
}
