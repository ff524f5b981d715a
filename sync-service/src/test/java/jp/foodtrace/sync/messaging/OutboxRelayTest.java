package jp.foodtrace.sync.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jp.foodtrace.messaging.EventHeaders;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.messaging.Tracing;
import jp.foodtrace.messaging.events.LotRecorded;
import jp.foodtrace.sync.Genealogy;
import jp.foodtrace.sync.SyncApi;
import jp.foodtrace.testsupport.Management;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;

/**
 * The relay publishes what requests left in the outbox, and parks an event Kafka can never take
 * without holding up the events behind it.
 */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "sync-service"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class OutboxRelayTest {

    private static final Pattern PARKED_TOO_LARGE = Pattern.compile(
            "suite_sync_service_outbox_parked_total\\{[^}]*reason=\"RecordTooLargeException\""
                    + "[^}]*topic=\"lots\\.v1\"[^}]*} ([0-9.E+-]+)");

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Outbox outbox;

    @Test
    void eventLeftInTheOutboxIsPublishedByTheRelayTimerWithItsEventId() {
        // What a request leaves behind when Kafka did not confirm in time: a committed outbox row
        // that nobody waited for.
        // ... in the trace of the request that made it, which the relay restores.
        String lot = "RELAY-" + UUID.randomUUID();
        String traceparent = "00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01";
        UUID eventId = QuarkusTransaction.requiringNew().call(() -> {
            try (Scope request = Tracing.resume(Optional.of(traceparent))) {
                return outbox.add(Topics.LOTS, lot, new LotRecorded(lot, "4901234567894", "P",
                        Instant.parse("2026-12-01T00:00:00Z"), null, 1, List.of()));
            }
        });

        List<ConsumerRecord<String, String>> records = SyncApi.readUntil(Topics.LOTS,
                rs -> rs.stream().anyMatch(r -> lot.equals(r.key())));
        ConsumerRecord<String, String> record = records.stream().filter(r -> lot.equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("the relay did not publish the pending event"));
        assertEquals(eventId.toString(), TestEvents.header(record, EventHeaders.EVENT_ID));
        assertEquals("LotRecorded", TestEvents.header(record, EventHeaders.EVENT_TYPE));
        assertEquals(traceparent, TestEvents.header(record, EventHeaders.TRACEPARENT));
        await("outbox row marked published").atMost(WAIT).until(() -> outbox.unpublished(List.of(eventId)) == 0);
    }

    @Test
    void rowTooLargeForTheBrokerIsParkedAndLaterRowsStillGoOut() {
        double parkedBefore = parkedTooLarge();
        String big = "BIG-" + UUID.randomUUID();
        String normal = "NORMAL-" + UUID.randomUUID();
        // Over the producer's max.request.size (1 MiB by default): Kafka refuses it for good. The
        // normal event comes right after it in the outbox.
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> List.of(
                outbox.add(Topics.LOTS, big, lot(big, "x".repeat(1_200_000))),
                outbox.add(Topics.LOTS, normal, lot(normal, "P"))));

        List<ConsumerRecord<String, String>> records = SyncApi.readUntil(Topics.LOTS,
                rs -> rs.stream().anyMatch(r -> normal.equals(r.key())));

        assertTrue(records.stream().anyMatch(r -> normal.equals(r.key())), "the event behind the oversized one went out");
        await("oversized event parked").atMost(WAIT).until(() -> outbox.parked(List.of(ids.get(0))) == 1);
        assertEquals(0, outbox.unpublished(ids), "neither event waits in the outbox any more");
        assertEquals(parkedBefore + 1, parkedTooLarge(), "suite_sync_service_outbox_parked_total counted it");

        given().when().get("/v1/ops/outbox/parked").then().statusCode(401);
        List<Map<String, Object>> listed = SyncApi.as(SyncApi.ADMIN_TOKEN).queryParam("limit", 1000)
                .when().get("/v1/ops/outbox/parked")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.key == '" + big + "' }");
        assertEquals(1, listed.size(), "ops see the parked event");
        assertEquals(ids.get(0).toString(), listed.get(0).get("eventId"));
        assertEquals(Topics.LOTS, listed.get(0).get("topic"));
        assertEquals("LotRecorded", listed.get(0).get("type"));
        assertEquals("RecordTooLargeException", listed.get(0).get("reason"));
        assertTrue(((String) listed.get(0).get("detail")).contains("max.request.size"),
                "the detail names the size limit: " + listed.get(0).get("detail"));

        // The outbox at a glance (the ops console's panel): as many parked as listed.
        given().when().get("/v1/ops/outbox").then().statusCode(401);
        int allParked = SyncApi.as(SyncApi.ADMIN_TOKEN).queryParam("limit", 1000).when().get("/v1/ops/outbox/parked")
                .then().statusCode(200).extract().jsonPath().getList("$").size();
        SyncApi.as(SyncApi.ADMIN_TOKEN).when().get("/v1/ops/outbox").then().statusCode(200)
                .body("parked", equalTo(allParked));
    }

    @Test
    void requeuedEventGoesBackToTheRelay() {
        String big = "BIG-" + UUID.randomUUID();
        UUID id = QuarkusTransaction.requiringNew().call(() -> outbox.add(Topics.LOTS, big, lot(big, "x".repeat(1_200_000))));
        await("oversized event parked").atMost(WAIT).until(() -> outbox.parked(List.of(id)) == 1);
        double parkedBefore = parkedTooLarge();

        SyncApi.as(SyncApi.ADMIN_TOKEN).when().post("/v1/ops/outbox/parked/" + id + "/requeue")
                .then().statusCode(200).body("status", equalTo("REQUEUED"));

        // Still too large: the relay takes it from the outbox again and parks it a second time.
        await("requeued event relayed and parked again").atMost(WAIT)
                .until(() -> parkedTooLarge() >= parkedBefore + 1);
        assertEquals(1, outbox.parked(List.of(id)));
        SyncApi.as(SyncApi.ADMIN_TOKEN).when().post("/v1/ops/outbox/parked/" + UUID.randomUUID() + "/requeue")
                .then().statusCode(404).body("code", equalTo("not-found"));
    }

    @Test
    void requestWhoseEventIsParkedAnswers500PublishParked() {
        Genealogy g = new Genealogy().load();
        String lot = g.p + "HUGE";
        SyncApi.as(SyncApi.clientWith("data:write")).contentType(ContentType.JSON)
                .body("[{\"lotNumber\":\"" + lot + "\",\"itemCode\":\"" + g.item + "\",\"plant\":\""
                        + "x".repeat(1_200_000) + "\",\"producedAt\":\"2026-12-01T00:00:00Z\",\"quantity\":1}]")
                .when().post("/v1/lots")
                .then().statusCode(500).body("code", equalTo("publish-parked"));
        List<Map<String, Object>> listed = SyncApi.as(SyncApi.ADMIN_TOKEN).queryParam("limit", 1000)
                .when().get("/v1/ops/outbox/parked")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.key == '" + lot + "' }");
        assertEquals(1, listed.size(), "the stored lot's event waits for ops");
    }

    private static LotRecorded lot(String lotNumber, String plant) {
        return new LotRecorded(lotNumber, "4901234567894", plant, Instant.parse("2026-12-01T00:00:00Z"), null, 1,
                List.of());
    }

    private static double parkedTooLarge() {
        String metrics = Management.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = PARKED_TOO_LARGE.matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
