package jp.foodtrace.sync.lot.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "sync-service"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class LotUpsertTest {

    @Test
    void sameLotBatchTwiceIsUnchangedAndLotsArePublishedKeyedByLotNumber() {
        Genealogy g = new Genealogy().load();
        String token = SyncApi.clientWith("data:write");
        String csv = "lot_number,item_code,plant,produced_at,best_before,quantity,inputs\r\n"
                + g.p + "CSVLOT," + g.item + ",船橋工場,2026-12-01T00:00:00Z,2026-12-05,40," + g.l1 + ":3;" + g.s1 + ":1\r\n";
        SyncApi.as(token).contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8)).when().post("/v1/lots").then().statusCode(200)
                .body("results[0].outcome", equalTo("created")).body("results[0].line", equalTo(2));
        SyncApi.as(token).contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8)).when().post("/v1/lots").then().statusCode(200)
                .body("results[0].outcome", equalTo("unchanged"));
        List<ConsumerRecord<String, String>> records = SyncApi.readUntil(Topics.LOTS,
                rs -> rs.stream().anyMatch(r -> r.key().equals(g.p + "CSVLOT")));
        ConsumerRecord<String, String> lot = records.stream().filter(r -> r.key().equals(g.p + "CSVLOT")).findFirst()
                .orElseThrow();
        assertTrue(lot.value().contains("\"inputs\":[{\"lotNumber\":\"" + g.l1 + "\",\"quantity\":3}"), lot.value());
        assertTrue(lot.value().contains("\"bestBefore\":\"2026-12-05\""), lot.value());
    }

    @Test
    void unknownItemAndSelfInputAreRejectedPerRecord() {
        Genealogy g = new Genealogy().load();
        SyncApi.as(SyncApi.clientWith("data:write")).contentType(ContentType.JSON).body("""
                [{"lotNumber":"%1$sBAD1","itemCode":"4900000000000","plant":"P","producedAt":"2026-12-01T00:00:00Z","quantity":1},
                 {"lotNumber":"%1$sBAD2","itemCode":"%2$s","plant":"P","producedAt":"2026-12-01T00:00:00Z","quantity":1,
                  "inputs":[{"lotNumber":"%1$sBAD2","quantity":1}]},
                 {"lotNumber":"%1$sBAD3","itemCode":"%2$s","plant":"P","producedAt":"not a time","quantity":1},
                 {"lotNumber":"%1$sGOOD","itemCode":"%2$s","plant":"P","producedAt":"2026-12-01T00:00:00Z","quantity":1}]"""
                .formatted(g.p, g.item))
                .when().post("/v1/lots").then().statusCode(200)
                .body("results.outcome", equalTo(List.of("rejected", "rejected", "rejected", "created")))
                .body("results[0].reason", equalTo("unknown item 4900000000000"))
                .body("results[1].reason", equalTo("lot " + g.p + "BAD2 cannot be its own input"))
                .body("results[2].index", equalTo(2));
    }
}
