package jp.foodtrace.sync.shipment.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.sync.Genealogy;
import jp.foodtrace.sync.SyncApi;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;

@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "sync-service"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class ShipmentUpsertTest {

    @Test
    void sameShipmentBatchTwiceIsUnchangedAndPublishedOnceKeyedByStore() {
        Genealogy g = new Genealogy().load();
        String token = SyncApi.clientWith("data:write");
        String id = g.p + "SH-X";
        String batch = """
                [{"shipmentId":"%s","storeCode":"%s","shippedAt":"2026-12-02T01:00:00Z","orderIds":["O-1","O-2"],
                  "lines":[{"itemCode":"%s","lotNumber":"%s","quantity":3}]}]""".formatted(id, g.storeB, g.item, g.l3);
        SyncApi.as(token).contentType(ContentType.JSON).body(batch).when().post("/v1/shipments").then()
                .statusCode(200).body("results[0].outcome", equalTo("created")).body("results[0].key", equalTo(id));
        SyncApi.as(token).contentType(ContentType.JSON).body(batch).when().post("/v1/shipments").then()
                .statusCode(200).body("results[0].outcome", equalTo("unchanged")).body("unchanged", equalTo(1));
        SyncApi.as(token).contentType(ContentType.JSON).body(batch.replace("\"quantity\":3", "\"quantity\":4"))
                .when().post("/v1/shipments").then().statusCode(200).body("results[0].outcome", equalTo("updated"));

        List<ConsumerRecord<String, String>> records = SyncApi.readUntil(Topics.SHIPMENTS,
                rs -> rs.stream().anyMatch(r -> r.value().contains(id) && r.value().contains("\"quantity\":4")));
        List<ConsumerRecord<String, String>> mine = records.stream().filter(r -> r.value().contains(id)).toList();
        assertEquals(2, mine.size(), "created and updated, not the unchanged resend");
        assertEquals(g.storeB, mine.get(0).key());
        assertEquals("ShipmentRecorded", TestEvents.header(mine.get(0), "event-type"));
        assertTrue(mine.get(0).value().contains("\"orderIds\":[\"O-1\",\"O-2\"]"), mine.get(0).value());
    }

    @Test
    void unknownStoreOrItemIsRejectedPerRecord() {
        Genealogy g = new Genealogy().load();
        String token = SyncApi.clientWith("data:write");
        SyncApi.as(token).contentType(ContentType.JSON).body("""
                [{"shipmentId":"%1$sOK","storeCode":"%2$s","shippedAt":"2026-12-02T01:00:00Z",
                  "lines":[{"itemCode":"%3$s","lotNumber":"%4$s","quantity":1}]},
                 {"shipmentId":"%1$sNOSTORE","storeCode":"nowhere","shippedAt":"2026-12-02T01:00:00Z",
                  "lines":[{"itemCode":"%3$s","lotNumber":"%4$s","quantity":1}]},
                 {"shipmentId":"%1$sNOITEM","storeCode":"%2$s","shippedAt":"2026-12-02T01:00:00Z",
                  "lines":[{"itemCode":"4900000000000","lotNumber":"%4$s","quantity":1}]},
                 {"shipmentId":"%1$sNOLINES","storeCode":"%2$s","shippedAt":"2026-12-02T01:00:00Z","lines":[]}]"""
                .formatted(g.p, g.storeA, g.item, g.l3))
                .when().post("/v1/shipments").then().statusCode(200)
                .body("created", equalTo(1)).body("rejected", equalTo(3))
                .body("results[1].index", equalTo(1)).body("results[1].reason", equalTo("unknown store nowhere"))
                .body("results[2].reason", equalTo("unknown item 4900000000000"))
                .body("results[3].reason", equalTo("a shipment needs at least one line"));
    }

    @Test
    void csvShipmentSpreadOverSeveralLinesIsOneRecord() {
        Genealogy g = new Genealogy().load();
        String token = SyncApi.clientWith("data:write");
        String csv = "shipment_id,store_code,shipped_at,order_ids,item_code,lot_number,quantity\n"
                + g.p + "CSV1," + g.storeA + ",2026-12-03T00:00:00Z,O-7;O-8," + g.item + "," + g.l3 + ",2\n"
                + g.p + "CSV1," + g.storeA + ",2026-12-03T00:00:00Z,O-7;O-8," + g.item + "," + g.l5 + ",3\n"
                + g.p + "CSV2," + g.storeA + ",yesterday,," + g.item + "," + g.l5 + ",3\n";
        SyncApi.as(token).contentType("text/csv; charset=Shift_JIS").body(csv.getBytes(Charset.forName("Shift_JIS")))
                .when().post("/v1/shipments").then().statusCode(200)
                .body("results[0].line", equalTo(2)).body("results[0].outcome", equalTo("created"))
                .body("results[1].line", equalTo(4)).body("results[1].outcome", equalTo("rejected"));
        SyncApi.as(SyncApi.clientWith("trace:read")).when().get("/v1/trace/orders/O-8/back").then().statusCode(200)
                .body("shipments[0].lots.lotNumber", equalTo(List.of(g.l3, g.l5)));
    }

    @Test
    void malformedCsvHeaderOrAnUnsupportedCharsetIsAProblem() {
        String token = SyncApi.clientWith("data:write");
        SyncApi.as(token).contentType("text/csv; charset=UTF-8").body("id,store\nx,y\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/shipments").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("malformed-csv"));
        SyncApi.as(token).contentType("text/csv; charset=ISO-8859-1").body("a".getBytes(StandardCharsets.ISO_8859_1))
                .when().post("/v1/shipments").then().statusCode(415)
                .contentType("application/problem+json").body("code", equalTo("unsupported-charset"));
    }

}
