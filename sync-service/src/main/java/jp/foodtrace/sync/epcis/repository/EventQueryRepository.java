package jp.foodtrace.sync.epcis.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.data.Jdbc;
import jp.foodtrace.sync.epcis.service.SimpleQuery;

/**
 * Reads events from the union of captured events and the views of the suite's shipments and
 * lots (epcis_all_event), with the conditions {@link SimpleQuery} built.
 */
@ApplicationScoped
public class EventQueryRepository {

    /** An event as stored: its JSON, its document's namespaces, and when it was recorded. */
    public record StoredEvent(String eventId, String json, String namespacesJson, Instant recordTime) {
    }

    private final Jdbc jdbc;

    public EventQueryRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<StoredEvent> find(SimpleQuery.Sql sql, int offset, int limit) {
        List<Object> params = new ArrayList<>(sql.params());
        params.addAll(sql.params());
        params.add(limit);
        params.add(offset);
        String direction = sql.descending() ? "DESC" : "ASC";
        return jdbc.list("SELECT e.event_id, e.event::text, e.namespaces::text, e.record_time FROM ("
                + union(sql) + ") e ORDER BY e." + sql.orderBy() + " " + direction + ", e.event_id " + direction
                + " LIMIT ? OFFSET ?", this::row, params.toArray());
    }

    public long count(SimpleQuery.Sql sql) {
        List<Object> params = new ArrayList<>(sql.params());
        params.addAll(sql.params());
        return jdbc.one("SELECT count(*) FROM (" + union(sql) + ") e", rs -> rs.getLong(1), params.toArray())
                .orElse(0L);
    }

    /** Captured events and the suite's own, each half filtered with its own identifier index. */
    private static String union(SimpleQuery.Sql sql) {
        return "SELECT e.event_id, e.event, e.namespaces, e.record_time, e.event_time FROM epcis_event e WHERE "
                + sql.captured()
                + " UNION ALL SELECT e.event_id, e.event, '{}'::jsonb, e.record_time, e.event_time FROM epcis_suite_event e WHERE "
                + sql.suite();
    }

    public List<StoredEvent> byId(String eventId) {
        return jdbc.list("SELECT e.event_id, e.event::text, e.namespaces::text, e.record_time FROM epcis_all_event e "
                + "WHERE e.event_id = ?", this::row, eventId);
    }

    /** Event types, business steps and so on that occur, for the binding's top-level resources. */
    public List<String> distinct(String column) {
        return jdbc.list("SELECT DISTINCT " + column + " FROM epcis_all_event WHERE " + column + " IS NOT NULL ORDER BY 1",
                rs -> rs.getString(1));
    }

    private StoredEvent row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredEvent(rs.getString(1), rs.getString(2), rs.getString(3), Jdbc.instant(rs, "record_time"));
    }
}
