package jp.foodtrace.gateway.order.messaging;

import java.time.Instant;
import java.util.UUID;

import jp.foodtrace.data.Jdbc;
import jp.foodtrace.gateway.GatewayFixture.TestTerminal;
import jp.foodtrace.gateway.GatewayFixture;

/** Receipts in the database as the relay finds them: committed with their outbox row, never confirmed by Kafka. */
final class UnconfirmedReceipts {

    /** A stored receipt and the order event in its outbox row, with the trace of the request that made it. */
    record Unconfirmed(UUID receipt, String payload, String traceparent) {
    }

    private final Jdbc jdbc;

    UnconfirmedReceipts(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A receipt taken at {@code received}; {@code note}, when not null, pads the event. */
    Unconfirmed insert(TestTerminal t, long sequence, Instant received, String note) {
        UUID receipt = UUID.randomUUID();
        String traceparent = "00-" + receipt.toString().replace("-", "") + "-00f067aa0ba902b7-01";
        String payload = "{\"receiptId\":\"" + receipt + "\",\"terminalId\":\"" + t.id() + "\",\"storeCode\":\""
                + t.storeCode() + "\",\"sequence\":" + sequence + ",\"deliveryDate\":\"2030-01-15\",\"receivedAt\":\""
                + received + "\",\"lines\":[{\"lineNo\":1,\"itemCode\":\"" + GatewayFixture.JAN_A
                + "\",\"quantity\":2,\"unit\":\"CS\"}]" + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}";
        jdbc.update("""
                WITH s AS (
                    INSERT INTO submission (receipt_id, terminal_id, sequence, fingerprint, store_code, received_at, status)
                    VALUES (?, ?, ?, 'f', ?, ?, 'RECEIVED')
                    RETURNING receipt_id, received_at
                )
                INSERT INTO submission_outbox (receipt_id, received_at, payload, traceparent)
                SELECT receipt_id, received_at, ?, ? FROM s""", receipt, t.id(), sequence, t.storeCode(), received, payload,
                traceparent);
        return new Unconfirmed(receipt, payload, traceparent);
    }

    /** Puts an outbox row back, as if Kafka's confirmation of the receipt had never arrived. */
    void unconfirm(String receipt, String payload) {
        jdbc.update("INSERT INTO submission_outbox (receipt_id, received_at, payload) VALUES (?::uuid, now(), ?)",
                receipt, payload);
    }

    /** Whether the receipt's order event is still waiting for Kafka (its outbox row is there). */
    boolean inOutbox(Object receipt) {
        return jdbc.one("SELECT EXISTS (SELECT 1 FROM submission_outbox WHERE receipt_id = ?::uuid)",
                rs -> rs.getBoolean(1), receipt.toString()).orElseThrow();
    }

    /** Whether the receipt exists and Kafka's confirmation of its order event was noted (its outbox row is gone). */
    boolean published(Object receipt) {
        return jdbc.one("""
                SELECT EXISTS (SELECT 1 FROM submission WHERE receipt_id = ?::uuid)
                       AND NOT EXISTS (SELECT 1 FROM submission_outbox WHERE receipt_id = ?::uuid)""",
                rs -> rs.getBoolean(1), receipt.toString(), receipt.toString()).orElseThrow();
    }
}
