package jp.foodtrace.sync.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.foodtrace.data.Jdbc;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.PermanentFailure;

/**
 * The transactional outbox: an event is written in the same transaction as the change it
 * announces, so a change is never committed without its event nor an event sent for a change
 * that rolled back. {@link OutboxRelay} publishes what is pending.
 */
@ApplicationScoped
public class Outbox {

    private final Jdbc jdbc;
    private final ObjectMapper json;

    public Outbox(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Adds an event with the payload record's simple name as its type, in the trace of the current
     * span (the request or consumed event it is made for; the relay publishes it in that trace);
     * returns its event id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(String topic, String key, Object payload) {
        EventEnvelope event = EventEnvelope.forPayload(UUID.randomUUID(), key, Instant.now(), payload, json);
        jdbc.update("""
                INSERT INTO outbox_event (event_id, topic, event_key, event_type, occurred_at, payload, traceparent)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                event.id(), topic, key, event.type(), event.occurredAt(), event.payload(),
                event.traceparent().orElse(null));
        return event.id();
    }

    /**
     * An event waiting in the outbox: its row id, its topic and the envelope to send, or, when the
     * row holds no valid envelope, why not (such a row can never be sent and is parked).
     */
    record Pending(long id, UUID eventId, String topic, EventEnvelope event, PermanentFailure invalid) {
    }

    List<Pending> pending(int limit) {
        return jdbc.list("SELECT * FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT ?",
                Outbox::pending, limit);
    }

    void markPublished(List<Long> ids) {
        jdbc.update("UPDATE outbox_event SET published_at = now() WHERE id = ANY (?)",
                (Object) ids.toArray(Long[]::new));
    }

    /**
     * Moves a pending row to {@code parked_outbox_event} with the reason it can never be published,
     * in one statement; returns false when it was no longer pending.
     */
    boolean park(long id, String reason, String detail) {
        return jdbc.update("""
                WITH moved AS (
                    DELETE FROM outbox_event WHERE id = ? AND published_at IS NULL
                    RETURNING id, event_id, topic, event_key, event_type, occurred_at, payload, traceparent
                )
                INSERT INTO parked_outbox_event (event_id, outbox_id, topic, event_key, event_type, occurred_at,
                                                 payload, traceparent, reason, detail)
                SELECT event_id, id, topic, event_key, event_type, occurred_at, payload, traceparent, ?, ? FROM moved
                ON CONFLICT (event_id) DO UPDATE SET outbox_id = EXCLUDED.outbox_id, topic = EXCLUDED.topic,
                    event_key = EXCLUDED.event_key, event_type = EXCLUDED.event_type,
                    occurred_at = EXCLUDED.occurred_at, payload = EXCLUDED.payload,
                    traceparent = EXCLUDED.traceparent, reason = EXCLUDED.reason,
                    detail = EXCLUDED.detail, parked_at = now()""", id, reason, detail) == 1;
    }

    /** A parked event as ops list it (without the payload, which may be large). */
    public record Parked(UUID eventId, long outboxId, String topic, String key, String type, Instant occurredAt,
            int payloadBytes, String reason, String detail, Instant parkedAt) {
    }

    /** The parked events, oldest parking first, at most {@code limit}. */
    public List<Parked> parked(int limit) {
        return jdbc.list("""
                SELECT event_id, outbox_id, topic, event_key, event_type, occurred_at, octet_length(payload) AS bytes,
                       reason, detail, parked_at
                FROM parked_outbox_event ORDER BY parked_at, event_id LIMIT ?""",
                rs -> new Parked(rs.getObject("event_id", UUID.class), rs.getLong("outbox_id"), rs.getString("topic"),
                        rs.getString("event_key"), rs.getString("event_type"), Jdbc.instant(rs, "occurred_at"),
                        rs.getInt("bytes"), rs.getString("reason"), rs.getString("detail"),
                        Jdbc.instant(rs, "parked_at")),
                limit);
    }

    /** How many of the given events were parked. */
    public long parked(List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return 0;
        }
        return jdbc.one("SELECT count(*) FROM parked_outbox_event WHERE event_id = ANY (?)",
                rs -> rs.getLong(1), (Object) eventIds.toArray(UUID[]::new)).orElse(0L);
    }

    /**
     * Moves a parked event back into the outbox under the same event id; it gets a new row id, so it
     * goes out after the events already waiting. Returns false when no such event is parked.
     */
    @Transactional
    public boolean requeue(UUID eventId) {
        return jdbc.one("""
                WITH moved AS (
                    DELETE FROM parked_outbox_event WHERE event_id = ?
                    RETURNING event_id, topic, event_key, event_type, occurred_at, payload, traceparent
                ), queued AS (
                    INSERT INTO outbox_event (event_id, topic, event_key, event_type, occurred_at, payload, traceparent)
                    SELECT event_id, topic, event_key, event_type, occurred_at, payload, traceparent FROM moved
                )
                SELECT count(*) FROM moved""", rs -> rs.getLong(1), eventId).orElse(0L) == 1;
    }

    /** How many of the given events still wait for publication. */
    public long unpublished(List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return 0;
        }
        return jdbc.one("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND event_id = ANY (?)",
                rs -> rs.getLong(1), (Object) eventIds.toArray(UUID[]::new)).orElse(0L);
    }

    public String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload not serializable: " + payload.getClass(), e);
        }
    }

    /**
     * Reads a pending row. A row that cannot make a valid envelope (no key: a consumer would
     * dead-letter it, and a compacted topic refuses it) is returned with the reason instead.
     */
    private static Pending pending(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        UUID eventId = rs.getObject("event_id", UUID.class);
        String topic = rs.getString("topic");
        String key = rs.getString("event_key");
        if (key == null || key.isBlank()) {
            return new Pending(id, eventId, topic, null, new PermanentFailure("the event has no key"));
        }
        try {
            return new Pending(id, eventId, topic, new EventEnvelope(eventId, rs.getString("event_type"), key,
                    Jdbc.instant(rs, "occurred_at"), Optional.ofNullable(rs.getString("traceparent")),
                    rs.getString("payload")), null);
        } catch (NullPointerException e) {
            return new Pending(id, eventId, topic, null, new PermanentFailure("no valid envelope: " + e.getMessage()));
        }
    }
}
