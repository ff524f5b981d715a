package jp.foodtrace.gateway;

import static io.restassured.RestAssured.given;
import static jp.foodtrace.gateway.GatewayFixture.ADMIN;
import static jp.foodtrace.gateway.GatewayFixture.register;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.foodtrace.gateway.GatewayFixture.TestTerminal;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;

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

    @Inject
    DataSource dataSource;

    @Test
    void rowTooLargeForTheBrokerIsParkedAndLaterRowsStillGoOut() throws Exception {
        TestTerminal t = register("127.0.0.1");
        double parkedBefore = parkedTooLarge();
        Instant twoHoursAgo = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        // Over the producer's max.request.size (1 MiB by default), so Kafka refuses it for good.
        UUID tooLarge = insertUnconfirmed(t, 1, twoHoursAgo, "x".repeat(1_200_000));
        UUID normal = insertUnconfirmed(t, 2, twoHoursAgo.plusSeconds(1), "");

        Optional<ConsumerRecord<String, String>> published = recordOf(normal);

        assertTrue(published.isPresent(), "the receipt behind the oversized one was published");
        await("oversized receipt parked", () -> parked(tooLarge).isPresent());
        String[] parked = parked(tooLarge).orElseThrow();
        assertEquals("RecordTooLargeException", parked[0]);
        assertTrue(parked[1].contains("max.request.size"), "the detail names the size limit: " + parked[1]);
        assertFalse(inOutbox(tooLarge), "the parked row left the outbox");
        assertEquals(parkedBefore + 1, parkedTooLarge(), "suite_terminal_gateway_outbox_parked_total counted it");

        given().when().get("/v1/ops/outbox/parked").then().statusCode(401);
        List<Map<String, Object>> listed = given().header("Authorization", ADMIN).queryParam("limit", 1000)
                .when().get("/v1/ops/outbox/parked")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.receiptId == '" + tooLarge + "' }");
        assertEquals(1, listed.size(), "ops see the parked receipt");
        assertEquals(t.id(), listed.get(0).get("terminalId"));
        assertEquals(1, listed.get(0).get("sequence"));
        assertEquals("RecordTooLargeException", listed.get(0).get("reason"));
    }

    @Test
    void requeuedRowGoesBackToTheRelay() throws Exception {
        TestTerminal t = register("127.0.0.1");
        UUID tooLarge = insertUnconfirmed(t, 1, Instant.now().minus(2, ChronoUnit.HOURS), "x".repeat(1_200_000));
        await("oversized receipt parked", () -> parked(tooLarge).isPresent());
        double parkedBefore = parkedTooLarge();

        given().header("Authorization", ADMIN).when().post("/v1/ops/outbox/parked/" + tooLarge + "/requeue")
                .then().statusCode(200).body("status", equalTo("REQUEUED"));

        // Still too large: the relay takes it from the outbox again and parks it a second time.
        await("requeued receipt relayed and parked again", () -> parkedTooLarge() >= parkedBefore + 1);
        await("parked again", () -> parked(tooLarge).isPresent());
        given().header("Authorization", ADMIN).when().post("/v1/ops/outbox/parked/" + UUID.randomUUID() + "/requeue")
                .then().statusCode(404).body("code", equalTo("not-found"));
    }

    /** A receipt committed with its outbox row long ago and never confirmed, as the relay finds it. */
    private UUID insertUnconfirmed(TestTerminal t, long sequence, Instant received, String padding)
            throws SQLException {
        UUID receipt = UUID.randomUUID();
        String payload = "{\"receiptId\":\"" + receipt + "\",\"terminalId\":\"" + t.id() + "\",\"storeCode\":\""
                + t.storeCode() + "\",\"sequence\":" + sequence + ",\"deliveryDate\":\"2030-01-15\",\"receivedAt\":\""
                + received + "\",\"lines\":[{\"lineNo\":1,\"itemCode\":\"" + OrderSubmissionTest.JAN_A
                + "\",\"quantity\":2,\"unit\":\"CS\"}],\"note\":\"" + padding + "\"}";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                WITH s AS (
                    INSERT INTO submission (receipt_id, terminal_id, sequence, fingerprint, store_code, received_at, status)
                    VALUES (?, ?, ?, 'f', ?, ?, 'RECEIVED')
                    RETURNING receipt_id, received_at
                )
                INSERT INTO submission_outbox (receipt_id, received_at, payload)
                SELECT receipt_id, received_at, ? FROM s""")) {
            insert.setObject(1, receipt);
            insert.setString(2, t.id());
            insert.setLong(3, sequence);
            insert.setString(4, t.storeCode());
            insert.setTimestamp(5, Timestamp.from(received));
            insert.setString(6, payload);
            insert.executeUpdate();
        }
        return receipt;
    }

    private static Optional<ConsumerRecord<String, String>> recordOf(UUID receipt) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ConsumerRecord<String, String>> found = TestEvents.onTestPlatform()
                    .read(Topics.TERMINAL_ORDERS, Integer.MAX_VALUE, Duration.ofSeconds(3)).stream()
                    .filter(r -> r.value().contains(receipt.toString())).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Reason and detail of a parked receipt. */
    private Optional<String[]> parked(UUID receipt) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT reason, detail FROM parked_submission WHERE receipt_id = ?")) {
            q.setObject(1, receipt);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new String[] { rs.getString(1), rs.getString(2) }) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean inOutbox(UUID receipt) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT 1 FROM submission_outbox WHERE receipt_id = ?")) {
            q.setObject(1, receipt);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static double parkedTooLarge() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = PARKED_TOO_LARGE.matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting: " + what);
    }
}
