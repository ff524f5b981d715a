package jp.foodtrace.gateway;

import static jp.foodtrace.gateway.GatewayFixture.order;
import static jp.foodtrace.gateway.GatewayFixture.register;
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
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jp.foodtrace.gateway.GatewayFixture.TestTerminal;
import jp.foodtrace.messaging.EventHeaders;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;

/**
 * Receipts committed without Kafka's confirmation (Kafka refused, or the gateway stopped in
 * between): published again by a resend or by the relay, always with the same event id.
 */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "terminal-gateway"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class UnconfirmedOrderTest {

    @Inject
    DataSource dataSource;

    @Test
    void resendOfAnUnconfirmedReceiptPublishesTheOrderAgainUnderItsEventId() throws Exception {
        TestTerminal t = register("127.0.0.1");
        String body = order(t.storeCode(), 11, OrderSubmissionTest.JAN_A);
        String receipt = t.request().contentType(ContentType.JSON).body(body).when().post("/v1/orders")
                .then().statusCode(202).extract().path("receiptId");
        awaitPublished(receipt);
        // As if Kafka's confirmation had never arrived: the outbox row is back.
        String event = recordsOf(receipt, 1).get(0).value();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO submission_outbox (receipt_id, received_at, payload) VALUES (?::uuid, now(), ?)")) {
            insert.setString(1, receipt);
            insert.setString(2, event);
            insert.executeUpdate();
        }

        String again = t.request().contentType(ContentType.JSON).body(body).when().post("/v1/orders")
                .then().statusCode(200).extract().path("receiptId");

        assertEquals(receipt, again);
        List<ConsumerRecord<String, String>> copies = recordsOf(receipt, 2);
        assertEquals(2, copies.size(), "the order is published a second time");
        assertEquals(TestEvents.header(copies.get(0), EventHeaders.EVENT_ID),
                TestEvents.header(copies.get(1), EventHeaders.EVENT_ID), "under the same event id");
        awaitPublished(receipt);
    }

    @Test
    void relayPublishesAReceiptNobodyResends() throws Exception {
        TestTerminal t = register("127.0.0.1");
        UUID receipt = UUID.randomUUID();
        Instant received = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        String payload = "{\"receiptId\":\"" + receipt + "\",\"terminalId\":\"" + t.id() + "\",\"storeCode\":\""
                + t.storeCode() + "\",\"sequence\":5,\"deliveryDate\":\"2030-01-15\",\"receivedAt\":\"" + received
                + "\",\"lines\":[{\"lineNo\":1,\"itemCode\":\"" + OrderSubmissionTest.JAN_A
                + "\",\"quantity\":2,\"unit\":\"CS\"}]}";
        // A receipt committed with its outbox row an hour ago, never confirmed.
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                WITH s AS (
                    INSERT INTO submission (receipt_id, terminal_id, sequence, fingerprint, store_code, received_at, status)
                    VALUES (?, ?, 5, 'f', ?, ?, 'RECEIVED')
                    RETURNING receipt_id, received_at
                )
                INSERT INTO submission_outbox (receipt_id, received_at, payload)
                SELECT receipt_id, received_at, ? FROM s""")) {
            insert.setObject(1, receipt);
            insert.setString(2, t.id());
            insert.setString(3, t.storeCode());
            insert.setTimestamp(4, Timestamp.from(received));
            insert.setString(5, payload);
            insert.executeUpdate();
        }
        assertTrue(inOutbox(receipt.toString()));

        List<ConsumerRecord<String, String>> records = recordsOf(receipt.toString(), 1);

        assertEquals(1, records.size(), "the relay published the order");
        assertEquals(t.storeCode(), records.get(0).key());
        assertEquals(payload, records.get(0).value());
        awaitPublished(receipt.toString());
    }

    private List<ConsumerRecord<String, String>> recordsOf(String receipt, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<ConsumerRecord<String, String>> found = List.of();
        while (System.nanoTime() < deadline && found.size() < expected) {
            found = TestEvents.onTestPlatform().read(Topics.TERMINAL_ORDERS, Integer.MAX_VALUE, Duration.ofSeconds(3))
                    .stream().filter(r -> r.value().contains(receipt)).toList();
        }
        return found;
    }

    private void awaitPublished(String receipt) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && inOutbox(receipt)) {
            Thread.sleep(100);
        }
        assertFalse(inOutbox(receipt), "receipt " + receipt + " noted as confirmed by Kafka");
    }

    private boolean inOutbox(String receipt) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("""
                        SELECT EXISTS (SELECT 1 FROM submission WHERE receipt_id = ?::uuid),
                               EXISTS (SELECT 1 FROM submission_outbox WHERE receipt_id = ?::uuid)""")) {
            q.setString(1, receipt);
            q.setString(2, receipt);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                assertTrue(rs.getBoolean(1), "receipt " + receipt + " exists");
                return rs.getBoolean(2);
            }
        }
    }
}
