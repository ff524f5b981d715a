package jp.foodtrace.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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

    private final DataSource dataSource;

    public Inbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True the first time an event id is seen, false for every redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String topic, EventEnvelope event) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, event.id());
            insert.setString(2, topic);
            insert.setString(3, event.type());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw translate(e, "inbox insert failed for event " + event.id());
        }
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
        Set<UUID> first = new HashSet<>();
        if (types.isEmpty()) {
            return first;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_ALL)) {
            insert.setString(1, topic);
            insert.setArray(2, connection.createArrayOf("uuid", types.keySet().toArray(UUID[]::new)));
            insert.setArray(3, connection.createArrayOf("text", types.values().toArray(String[]::new)));
            try (ResultSet inserted = insert.executeQuery()) {
                while (inserted.next()) {
                    first.add(inserted.getObject(1, UUID.class));
                }
            }
            return first;
        } catch (SQLException e) {
            throw translate(e, "inbox insert failed for " + types.size() + " events of " + topic);
        }
    }

    private static RuntimeException translate(SQLException e, String message) {
        if (e instanceof SQLTransientException) {
            return new TransientFailure("inbox unavailable", e);
        }
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            return new TransientFailure("inbox connection failed", e);
        }
        return new IllegalStateException(message, e);
    }

    /** Exposed for tests and ops tools: whether an event id has been processed. */
    public boolean seen(UUID eventId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT 1 FROM processed_event WHERE event_id = ?")) {
            query.setObject(1, eventId);
            return query.executeQuery().next();
        } catch (SQLException e) {
            throw new IllegalStateException("inbox query failed", e);
        }
    }
}
