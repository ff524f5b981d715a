package jp.foodtrace.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientException;
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
        } catch (SQLTransientException e) {
            throw new TransientFailure("inbox unavailable", e);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw new TransientFailure("inbox connection failed", e);
            }
            throw new IllegalStateException("inbox insert failed for event " + event.id(), e);
        }
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
