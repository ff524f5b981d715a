package jp.foodtrace.sync.trace.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.foodtrace.sync.Genealogy;
import jp.foodtrace.sync.SyncApi;
import jp.foodtrace.testsupport.SuitePlatformResource;

@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "sync-service"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class TraceTest {

    private Genealogy g;
    private String token;

    @BeforeEach
    void loadGenealogy() {
        g = new Genealogy().load();
        token = SyncApi.clientWith("trace:read");
    }

    @Test
    void forwardFromALotReachesEveryDescendantShipmentStoreAndOrderThroughTheCycle() {
        JsonPath trace = get("/v1/trace/lots/" + g.l1 + "/forward");
        assertEquals(Map.of(g.l1, 0, g.l2, 1, g.l3, 2, g.l5, 2, g.l4, 3), depths(trace));
        assertFalse(trace.getBoolean("truncated"));
        assertEquals(List.of(g.p + "SH1", g.p + "SH2", g.p + "SH3"), trace.getList("shipments.shipmentId"));
        assertEquals(List.of(g.storeA, g.storeB, g.storeC), trace.getList("stores"));
        assertEquals(List.of(g.order3), trace.getList("orders"));
        // The unrelated lot shipped to store A is not part of the answer.
        assertFalse(trace.getList("shipments.lots.flatten().lotNumber").contains(g.lx));
    }

    @Test
    void forwardTraceCutOffByDepthSaysTruncated() {
        JsonPath trace = get("/v1/trace/lots/" + g.l1 + "/forward?depth=2");
        assertEquals(Map.of(g.l1, 0, g.l2, 1, g.l3, 2, g.l5, 2), depths(trace));
        assertTrue(trace.getBoolean("truncated"));
        assertEquals(List.of(g.p + "SH1", g.p + "SH2"), trace.getList("shipments.shipmentId"));
    }

    @Test
    void backFromALotFollowsInputsRecursivelyToTheSupplierLotThroughTheCycle() {
        JsonPath trace = get("/v1/trace/lots/" + g.l3 + "/back");
        assertEquals(Map.of(g.l3, 0, g.l2, 1, g.l4, 1, g.l1, 2, g.s1, 3), depths(trace));
        assertFalse(trace.getBoolean("truncated"));
        // The supplier lot is known only as an input.
        assertEquals(List.of(false), trace.getList("lots.findAll { it.lotNumber == '" + g.s1 + "' }.known"));
        // EPCIS transformation: L3 was made from L2 and L4.
        assertEquals(List.of(g.l2, g.l4),
                trace.getList("transformations.find { it.outputLot == '" + g.l3 + "' }.inputs.lotNumber"));
    }

    @Test
    void backFromAnOrderStartsAtTheLotsShippedForIt() {
        JsonPath trace = get("/v1/trace/orders/" + g.order3 + "/back");
        assertEquals(Map.of(g.l4, 0, g.l3, 1, g.l2, 2, g.l1, 3, g.s1, 4), depths(trace));
        assertEquals(List.of(g.p + "SH3"), trace.getList("shipments.shipmentId"));
        assertEquals(g.storeC, trace.getString("shipments[0].destinationStore"));
    }

    @Test
    void backFromAStoreAndDayUsesTheJapaneseCalendarDay() {
        // SH3 left at 2026-12-01T16:00Z, which is 2026-12-02 01:00 in Japan.
        JsonPath dayTwo = get("/v1/trace/stores/" + g.storeC + "/back?date=2026-12-02");
        assertEquals(List.of(g.p + "SH3"), dayTwo.getList("shipments.shipmentId"));
        assertTrue(depths(dayTwo).containsKey(g.s1));
        JsonPath dayOne = get("/v1/trace/stores/" + g.storeC + "/back?date=2026-12-01");
        assertTrue(dayOne.getList("shipments").isEmpty());
        assertTrue(dayOne.getList("lots").isEmpty());
    }

    @Test
    void backTraceWithDepthZeroIsTruncatedAtTheShippedLots() {
        JsonPath trace = get("/v1/trace/orders/" + g.order3 + "/back?depth=0");
        assertEquals(Map.of(g.l4, 0), depths(trace));
        assertTrue(trace.getBoolean("truncated"));
    }

    @Test
    void unknownLotIsA404Problem() {
        SyncApi.as(token).when().get("/v1/trace/lots/" + g.p + "NOPE/forward").then()
                .statusCode(404).contentType("application/problem+json").body("code", equalTo("not-found"));
        SyncApi.as(token).when().get("/v1/trace/lots/" + g.l1 + "/forward?depth=100000").then()
                .statusCode(400).body("code", equalTo("invalid-depth"));
    }

    @Test
    void sqlInAPathOrQueryValueIsDataNotSql() {
        // Values are bound as statement parameters: a quote ends no string literal.
        for (String hostile : List.of(g.l1 + "' OR '1'='1", g.l1 + "'; DROP TABLE lot; --", "%' OR lot_number LIKE '%")) {
            SyncApi.as(token).when().get("/v1/trace/lots/{lot}/forward", hostile)
                    .then().statusCode(404).contentType("application/problem+json");
        }
        SyncApi.as(token).when().get("/v1/trace/stores/{store}/back?date=2026-12-02", g.storeC + "' OR 'a'='a")
                .then().statusCode(200).body("shipments.size()", equalTo(0));
        // The tables are still there and the honest lookup still answers.
        assertEquals(Map.of(g.l1, 0, g.l2, 1, g.l3, 2, g.l5, 2, g.l4, 3), depths(get("/v1/trace/lots/" + g.l1 + "/forward")));
    }

    private JsonPath get(String path) {
        return SyncApi.as(token).when().get(path).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Integer> depths(JsonPath trace) {
        List<String> lots = trace.getList("lots.lotNumber");
        List<Integer> depths = trace.getList("lots.depth");
        java.util.HashMap<String, Integer> map = new java.util.HashMap<>();
        for (int i = 0; i < lots.size(); i++) {
            map.put(lots.get(i), depths.get(i));
        }
        return map;
    }
}
