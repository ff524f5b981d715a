package jp.foodtrace.gateway.order.messaging;

import static io.restassured.RestAssured.given;
import static jp.foodtrace.gateway.GatewayFixture.ADMIN;
import static jp.foodtrace.gateway.GatewayFixture.orderEventOf;
import static jp.foodtrace.gateway.GatewayFixture.register;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.foodtrace.data.Jdbc;
import jp.foodtrace.gateway.GatewayFixture.TestTerminal;
import jp.foodtrace.testsupport.Management;
import jp.foodtrace.testsupport.SuitePlatformResource;

/**
 * An order event Kafka can never take is parked with its reason, counted and listed for ops, and
 * the relay goes on publishing the receipts behind it.
 */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "terminal-gateway"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class ParkedOrderTest {

    private static final Pattern PARKED_TOO_LARGE = Pattern.compile(
            "suite_terminal_gateway_outbox_parked_total\\{[^}]*reason=\"RecordTooLargeException\""
                    + "[^}]*topic=\"terminal\\.orders\\.v1\"[^}]*} ([0-9.E+-]+)");
    /** Over the producer's max.request.size (1 MiB by default), so Kafka refuses the event for good. */
    private static final String TOO_LARGE = "x".repeat(1_200_000);

    @Inject
    Jdbc jdbc;

    /** Reason and detail of a parked receipt. */
    record Parking(String reason, String detail) {
    }

    @Test
    void rowTooLargeForTheBrokerIsParkedAndLaterRowsStillGoOut() {
        UnconfirmedReceipts receipts = new UnconfirmedReceipts(jdbc);
        TestTerminal t = register("127.0.0.1");
        double parkedBefore = parkedTooLarge();
        Instant twoHoursAgo = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        UUID tooLarge = receipts.insert(t, 1, twoHoursAgo, TOO_LARGE).receipt();
        UUID normal = receipts.insert(t, 2, twoHoursAgo.plusSeconds(1), "").receipt();

        orderEventOf(normal.toString());

        Parking parked = await("oversized receipt parked").atMost(Duration.ofSeconds(30))
                .until(() -> parking(tooLarge), Optional::isPresent).orElseThrow();
        assertEquals("RecordTooLargeException", parked.reason());
        assertTrue(parked.detail().contains("max.request.size"), "the detail names the size limit: " + parked.detail());
        assertFalse(receipts.inOutbox(tooLarge), "the parked row left the outbox");
        assertEquals(parkedBefore + 1, parkedTooLarge(), "suite_terminal_gateway_outbox_parked_total counted it");

        given().when().get("/v1/ops/outbox/parked").then().statusCode(401);
        List<Map<String, Object>> listed = given().header("Authorization", ADMIN).queryParam("limit", 1000)
                .when().get("/v1/ops/outbox/parked")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.receiptId == '" + tooLarge + "' }");
        assertEquals(1, listed.size(), "ops see the parked receipt");
        assertEquals(t.id(), listed.get(0).get("terminalId"));
        assertEquals(1, listed.get(0).get("sequence"));
        assertEquals("RecordTooLargeException", listed.get(0).get("reason"));

        // The outbox at a glance (the ops console's panel): as many parked as listed.
        given().when().get("/v1/ops/outbox").then().statusCode(401);
        int allParked = given().header("Authorization", ADMIN).queryParam("limit", 1000)
                .when().get("/v1/ops/outbox/parked").then().statusCode(200).extract().jsonPath().getList("$").size();
        given().header("Authorization", ADMIN).when().get("/v1/ops/outbox").then().statusCode(200)
                .body("parked", org.hamcrest.Matchers.equalTo(allParked));
    }

    @Test
    void outboxStateCountsWhatWaitsForKafkaAndSinceWhen() {
        UnconfirmedReceipts receipts = new UnconfirmedReceipts(jdbc);
        TestTerminal t = register("127.0.0.1");
        // Written just now: the relay leaves it alone for relay-after, so it is still waiting.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        receipts.insert(t, 1, now, "");
        String oldest = given().header("Authorization", ADMIN).when().get("/v1/ops/outbox").then().statusCode(200)
                .body("pending", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .extract().path("oldestPendingAt");
        assertFalse(Instant.parse(oldest).isAfter(now), oldest + " is the oldest waiting, not after " + now);
    }

    @Test
    void requeuedRowGoesBackToTheRelay() {
        UnconfirmedReceipts receipts = new UnconfirmedReceipts(jdbc);
        TestTerminal t = register("127.0.0.1");
        UUID tooLarge = receipts.insert(t, 1, Instant.now().minus(2, ChronoUnit.HOURS), TOO_LARGE).receipt();
        await("oversized receipt parked").atMost(Duration.ofSeconds(30)).until(() -> parking(tooLarge).isPresent());
        double parkedBefore = parkedTooLarge();

        given().header("Authorization", ADMIN).when().post("/v1/ops/outbox/parked/" + tooLarge + "/requeue")
                .then().statusCode(200).body("status", equalTo("REQUEUED"));

        // Still too large: the relay takes it from the outbox again and parks it a second time.
        await("requeued receipt relayed and parked again").atMost(Duration.ofSeconds(30))
                .until(() -> parkedTooLarge() >= parkedBefore + 1);
        await("parked again").atMost(Duration.ofSeconds(30)).until(() -> parking(tooLarge).isPresent());
        given().header("Authorization", ADMIN).when().post("/v1/ops/outbox/parked/" + UUID.randomUUID() + "/requeue")
                .then().statusCode(404).body("code", equalTo("not-found"));
    }

    private Optional<Parking> parking(UUID receipt) {
        return jdbc.one("SELECT reason, detail FROM parked_submission WHERE receipt_id = ?",
                rs -> new Parking(rs.getString(1), rs.getString(2)), receipt);
    }

    private static double parkedTooLarge() {
        String metrics = Management.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = PARKED_TOO_LARGE.matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
