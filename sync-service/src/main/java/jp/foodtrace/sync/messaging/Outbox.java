package jp.foodtrace.sync.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.sync.db.Jdbc;

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

    /** Adds an event with the payload record's simple name as its type; returns its event id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(String topic, String key, Object payload) {
        EventEnvelope event = EventEnvelope.of(payload.getClass().getSimpleName(), key, toJson(payload));
        jdbc.update("""
                INSERT INTO outbox_event (event_id, topic, event_key, event_type, occurred_at, payload)
                VALUES (?, ?, ?, ?, ?, ?)""",
                event.id(), topic, key, event.type(), event.occurredAt(), event.payload());
        return event.id();
    }

    /** An event waiting in the outbox: its row id, its topic and the envelope to send. */
    record Pending(long id, String topic, EventEnvelope event) {
    }

    List<Pending> pending(int limit) {
        return jdbc.list("SELECT * FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT ?",
                rs -> new Pending(rs.getLong("id"), rs.getString("topic"), envelope(rs)), limit);
    }

    void markPublished(List<Long> ids) {
        jdbc.update("UPDATE outbox_event SET published_at = now() WHERE id = ANY (?)",
                (Object) ids.toArray(Long[]::new));
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

    private static EventEnvelope envelope(ResultSet rs) throws SQLException {
        return new EventEnvelope(rs.getObject("event_id", UUID.class), rs.getString("event_type"),
                rs.getString("event_key"), Jdbc.instant(rs, "occurred_at"), Optional.empty(), rs.getString("payload"));
    }
}
