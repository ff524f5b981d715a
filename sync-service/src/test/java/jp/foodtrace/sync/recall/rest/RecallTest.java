package jp.foodtrace.sync.recall.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.Inbox;
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

    @Inject
    Inbox inbox;

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
            // Recall mail: no unsubscribe, stopped by nothing but a hard bounce (mail-service).
            assertTrue(r.value().contains("\"category\":\"recall\""), r.value());
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
    void eachStoreShowsWhatBecameOfItsMailFromMailEvents() {
        Genealogy g = new Genealogy().load();
        String token = SyncApi.clientWith("recall:write");
        String recallId = g.p + "R-OUT";
        SyncApi.as(token).contentType(ContentType.JSON)
                .body(Map.of("recallId", recallId, "lotNumber", g.l1, "reason", "異物混入の恐れ")).when()
                .post("/v1/recalls").then().statusCode(201)
                .body("notices.storeCode", equalTo(List.of(g.storeA, g.storeB, g.storeC)))
                // No outcome yet: UNKNOWN; no mail for a store without a contact.
                .body("notices.delivery", equalTo(Arrays.asList("UNKNOWN", "UNKNOWN", null)));
        String toA = RecallService.requestId(recallId, g.storeA);
        String toB = RecallService.requestId(recallId, g.storeB);

        TestEvents events = TestEvents.onTestPlatform();
        events.send(Topics.MAIL_EVENTS, g.mailA, "MailOutcome", outcome(toA, g.mailA, "SENT", null));
        events.send(Topics.MAIL_EVENTS, g.mailB, "MailOutcome", outcome(toB, g.mailB, "SUPPRESSED", "suppressed: hard-bounce"));
        // Mail of someone else: consumed, changes no recall.
        events.send(Topics.MAIL_EVENTS, "x@example.jp", "MailOutcome", outcome("ops/other-" + g.p, "x@example.jp", "SENT", null));
        awaitDeliveries(token, recallId, List.of("SENT", "SUPPRESSED"));
        SyncApi.as(token).when().get("/v1/recalls/" + recallId).then().statusCode(200)
                .body("notices[1].deliveryReason", equalTo("suppressed: hard-bounce"));

        // The sent mail to A comes back as a hard bounce; a SENT republished afterwards does not undo it.
        events.send(Topics.MAIL_EVENTS, g.mailA, "MailOutcome", outcome(toA, g.mailA, "BOUNCED", "hard bounce b-1"));
        awaitDeliveries(token, recallId, List.of("BOUNCED", "SUPPRESSED"));
        EventEnvelope late = events.send(Topics.MAIL_EVENTS, g.mailA, "MailOutcome", outcome(toA, g.mailA, "SENT", null));
        await("the late SENT consumed").atMost(Duration.ofSeconds(60)).until(() -> inbox.seen(late.id()));
        awaitDeliveries(token, recallId, List.of("BOUNCED", "SUPPRESSED"));
    }

    private void awaitDeliveries(String token, String recallId, List<String> expected) {
        await("deliveries " + expected).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> SyncApi.as(token).when().get("/v1/recalls/" + recallId).then().statusCode(200).extract()
                        .jsonPath().getList("notices.delivery").subList(0, 2), expected::equals);
    }

    private static String outcome(String requestId, String recipient, String outcome, String reason) {
        return """
                {"requestId":"%s","recipient":"%s","outcome":"%s","category":"recall","sesMessageId":null,
                 "reason":%s,"at":"%s"}""".formatted(requestId, recipient, outcome,
                reason == null ? "null" : "\"" + reason + "\"", Instant.now());
    }

    @Test
    void opsReadTheLatestRecallsWithTheAdminTokenOnly() {
        Genealogy g = new Genealogy().load();
        String id = SyncApi.as(SyncApi.clientWith("recall:write")).contentType(ContentType.JSON)
                .body(Map.of("lotNumber", g.l5, "reason", "ops view")).when().post("/v1/recalls")
                .then().statusCode(201).extract().path("recallId");
        JsonPath latest = SyncApi.as(SyncApi.ADMIN_TOKEN).when().get("/v1/ops/recalls?limit=5").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(id, latest.getString("[0].recallId"));
        assertEquals(List.of(g.storeB), latest.getList("[0].notices.storeCode"));
        SyncApi.as(SyncApi.clientWith("recall:write")).when().get("/v1/ops/recalls").then().statusCode(401)
                .contentType("application/problem+json");
        SyncApi.as(SyncApi.ADMIN_TOKEN).when().get("/v1/ops/recalls?limit=0").then().statusCode(400)
                .body("code", equalTo("invalid-limit"));
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
