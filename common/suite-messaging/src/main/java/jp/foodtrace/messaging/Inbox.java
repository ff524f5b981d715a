package jp.foodtrace.messaging;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.foodtrace.data.Jdbc;

/**
 * Records which events a service has processed, so that a redelivered record has no second
 * effect. Each service's own schema has the {@code processed_event} table (its V1 migration);
 * the consumer calls {@link #firstDelivery} inside the same transaction as its effect, so the
 * mark and the effect commit or roll back together.
 */
@ApplicationScoped
public class Inbox {

    private static final String INSERT = """
            INSERT INTO processed_event (event_id, topic, event_type) VALUES (?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING""";

    private static final String INSERT_ALL = """
            INSERT INTO processed_event (event_id, topic, event_type)
            SELECT e.id, ?, e.type FROM unnest(?::uuid[], ?::text[]) AS e (id, type)
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id""";

    private final Jdbc jdbc;

    public Inbox(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time an event id is seen, false for every redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String topic, EventEnvelope event) {
        return jdbc.update(INSERT, event.id(), topic, event.type()) == 1;
    }

    /**
     * The ids among {@code events} (all from one topic) that are seen for the first time, marked in
     * one statement. An id that occurs twice in the list is marked once and returned once: the
     * caller takes its first occurrence as the delivery and the others as repeats.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(String topic, List<EventEnvelope> events) {
        Map<UUID, String> types = new LinkedHashMap<>();
        events.forEach(event -> types.putIfAbsent(event.id(), event.type()));
        if (types.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(jdbc.list(INSERT_ALL, rs -> rs.getObject(1, UUID.class),
                topic, types.keySet().toArray(UUID[]::new), types.values().toArray(String[]::new)));
    }

    /** Exposed for tests and ops tools: whether an event id has been processed. */
    public boolean seen(UUID eventId) {
        return jdbc.one("SELECT 1 FROM processed_event WHERE event_id = ?", rs -> true, eventId).isPresent();
    }
}
