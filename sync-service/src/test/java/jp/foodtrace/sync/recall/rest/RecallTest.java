package jp.foodtrace.sync.recall.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.sync.Genealogy;
import jp.foodtrace.sync.SyncApi;
import jp.foodtrace.sync.recall.service.RecallService;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;

@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "sync-service"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class RecallTest {

    @Test
    void recallOfALotRequestsOneMailPerAffectedStoreAndARetryMailsNoOneTwice() {
        Genealogy g = new Genealogy().load();
        String token = SyncApi.clientWith("recall:write");
        String recallId = g.p + "R1";
        Map<String, String> request = Map.of("recallId", recallId, "lotNumber", g.l1, "reason", "異物混入の恐れ");

        JsonPath recall = SyncApi.as(token).contentType(ContentType.JSON).body(request).when().post("/v1/recalls")
                .then().statusCode(201).extract().jsonPath();
        assertEquals(List.of(g.storeA, g.storeB, g.storeC), recall.getList("notices.storeCode"));
        assertEquals(List.of("REQUESTED", "REQUESTED", "NO_CONTACT"), recall.getList("notices.status"));

        // The retry answers with the recorded recall and sends nothing again.
        SyncApi.as(token).contentType(ContentType.JSON).body(request).when().post("/v1/recalls")
                .then().statusCode(200).body("recallId", equalTo(recallId))
                .body("notices.requestId", equalTo(recall.getList("notices.requestId")));
        // A later recall is a marker: once its mail is on the topic, the retry's would be too.
        String marker = g.p + "R2";
        SyncApi.as(token).contentType(ContentType.JSON)
                .body(Map.of("recallId", marker, "lotNumber", g.l5, "reason", "marker")).when().post("/v1/recalls")
                .then().statusCode(201).body("notices.storeCode", equalTo(List.of(g.storeB)));

        String markerRequest = RecallService.requestId(marker, g.storeB);
        List<ConsumerRecord<String, String>> mail = SyncApi.readUntil(Topics.MAIL_REQUESTS,
                rs -> rs.stream().anyMatch(r -> r.value().contains(markerRequest)));
        List<ConsumerRecord<String, String>> first = mail.stream()
                .filter(r -> r.value().contains("\"recallId\":\"" + recallId + "\"")).toList();
        assertEquals(2, first.size(), "one mail request per store with a contact, none for the retry");
        assertEquals(Set.of(g.mailA, g.mailB), first.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
        for (ConsumerRecord<String, String> r : first) {
            assertEquals("MailRequested", TestEvents.header(r, "event-type"));
            assertTrue(r.value().contains("\"templateId\":\"recall-notice\""), r.value());
            assertTrue(r.value().contains("\"category\":\"notice\""), r.value());
            // Contract with mail-service: the parameters its recall-notice template requires
            // (mail-service TemplateCatalog), or the request is refused there.
            for (String required : List.of("memberName", "itemName", "lotNumber", "reason", "action", "contact")) {
                assertTrue(r.value().contains("\"" + required + "\":\""), required + " missing in " + r.value());
            }
            String store = r.key().equals(g.mailA) ? g.storeA : g.storeB;
            assertTrue(r.value().contains("\"requestId\":\"" + RecallService.requestId(recallId, store) + "\""), r.value());
        }
    }

    @Test
    void recallsAreListedWithTheirNotices() {
        Genealogy g = new Genealogy().load();
        String token = SyncApi.clientWith("recall:write");
        // L4 reaches L3 (made partly from L4) and, through the cycle, itself: stores A (L3) and C (L4).
        String id = SyncApi.as(token).contentType(ContentType.JSON)
                .body(Map.of("lotNumber", g.l4, "reason", "表示ミス")).when().post("/v1/recalls")
                .then().statusCode(201).extract().path("recallId");
        SyncApi.as(token).when().get("/v1/recalls/" + id).then().statusCode(200)
                .body("lotNumber", equalTo(g.l4))
                .body("notices.storeCode", equalTo(List.of(g.storeA, g.storeC)))
                .body("notices.status", equalTo(List.of("REQUESTED", "NO_CONTACT")));
        List<String> listed = SyncApi.as(token).when().get("/v1/recalls").then().statusCode(200).extract()
                .jsonPath().getList("recallId");
        assertTrue(listed.contains(id), listed.toString());
        SyncApi.as(token).when().get("/v1/recalls/" + g.p + "none").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void recallNeedsTheRecallScope() {
        SyncApi.as(SyncApi.clientWith("trace:read")).contentType(ContentType.JSON)
                .body(Map.of("lotNumber", "x", "reason", "y")).when().post("/v1/recalls")
                .then().statusCode(403).body("code", equalTo("insufficient-scope"));
    }

    @Test
    void requestIdIsDeterministicPerRecallAndStore() {
        assertEquals(RecallService.requestId("R", "S1"), RecallService.requestId("R", "S1"));
        assertTrue(!RecallService.requestId("R", "S1").equals(RecallService.requestId("R", "S2")));
        assertTrue(!RecallService.requestId("R1", "S").equals(RecallService.requestId("R", "1S")));
    }
}
