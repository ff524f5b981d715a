package jp.foodtrace.order.storeorder.rest;

import static org.hamcrest.Matchers.equalTo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jp.foodtrace.order.storeorder.StoreOrder;
import jp.foodtrace.testsupport.Ops;
import jp.foodtrace.testsupport.OpsApiContract;
import jp.foodtrace.testsupport.SuitePlatformResource;

/** The ops API's refusals: problem+json with the codes clients switch on. */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "order-service"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class OrderOpsResourceTest implements OpsApiContract {

    @Override
    public String opsPath() {
        return "/v1/orders";
    }

    @Test
    void summaryCountsOrdersReceivedInTheWindowByOutcome() {
        var before = Ops.given().when().get("/v1/orders/summary?hours=2").then().statusCode(200).extract().jsonPath();
        String terminal = "T-" + UUID.randomUUID();
        insert(terminal, 1, "ACCEPTED", Instant.now());
        insert(terminal, 2, "SHIPPED", Instant.now());
        insert(terminal, 3, "REJECTED", Instant.now());
        insert(terminal, 4, "REJECTED", Instant.now().minus(Duration.ofHours(3)));
        var after = Ops.given().when().get("/v1/orders/summary?hours=2").then().statusCode(200)
                .body("hours", equalTo(2)).extract().jsonPath();
        assertEquals(3, after.getLong("received") - before.getLong("received"));
        assertEquals(2, after.getLong("accepted") - before.getLong("accepted"));
        assertEquals(1, after.getLong("rejected") - before.getLong("rejected"), "the older rejection is outside");
        assertEquals(1, after.getLong("shipped") - before.getLong("shipped"));
        Ops.given().queryParam("hours", 0).when().get("/v1/orders/summary").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("invalid-hours"));
    }

    @Transactional
    void insert(String terminal, long sequence, String status, Instant receivedAt) {
        StoreOrder order = new StoreOrder();
        order.orderId = StoreOrder.idFor(terminal, sequence);
        order.receiptId = UUID.randomUUID();
        order.terminalId = terminal;
        order.sequence = sequence;
        order.storeCode = "S-SUMMARY";
        order.status = status;
        order.receivedAt = receivedAt;
        order.decidedAt = receivedAt;
        order.persist();
    }

    @Test
    void deliveryDateThatIsNoDateIsAnInvalidDateProblem() {
        assertBadRequest(Ops.given().queryParam("deliveryDate", "2030-13-01"), "invalid-date");
    }

    @Test
    void unknownStatusIsAnInvalidStatusProblem() {
        assertBadRequest(Ops.given().queryParam("status", "OPEN"), "invalid-status");
    }

    @Test
    void limitOutsideOneToThousandIsAnInvalidLimitProblem() {
        assertBadRequest(Ops.given().queryParam("limit", 0), "invalid-limit");
        assertBadRequest(Ops.given().queryParam("limit", 1001), "invalid-limit");
    }

    @Test
    void unknownOrderAndOrderIdThatIsNoUuidAreNotFoundProblems() {
        for (String id : new String[] { UUID.randomUUID().toString(), "not-a-uuid" }) {
            Ops.given().when().get("/v1/orders/" + id).then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("code", equalTo("not-found"))
                    .body("detail", equalTo("no order " + id));
        }
    }

    @Test
    void bodyOverTheServiceLimitIsTooLarge() {
        // quarkus.http.limits.max-body-size=64K: order-service takes only small JSON requests.
        Ops.given().contentType("application/json").body("{\"pad\":\"" + "x".repeat(100 * 1024) + "\"}")
                .when().post("/v1/orders").then().statusCode(413);
        Ops.given().contentType("application/json").body("{\"pad\":\"" + "x".repeat(32 * 1024) + "\"}")
                .when().post("/v1/orders").then().statusCode(405);
    }

    private static void assertBadRequest(RequestSpecification request, String code) {
        request.when().get("/v1/orders").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("code", equalTo(code))
                .body("type", equalTo("https://foodtrace.jp/problems/" + code));
    }
}
