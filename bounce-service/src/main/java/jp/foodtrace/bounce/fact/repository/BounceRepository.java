package jp.foodtrace.bounce.fact.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.bounce.fact.Bounce;
import jp.foodtrace.data.Jdbc;

/** The {@code bounce} table: one row per (source, recipient), queryable by recipient and time. */
@ApplicationScoped
public class BounceRepository {

    private static final String COLUMNS = """
            id, source, source_ref, source_version, recipient, reason, hard_bounce, complaint, delivery_status,
            action, reply_code, diagnostic_type, diagnostic_code, reporting_agent, feedback_type, message_id,
            occurred_at, recorded_at""";

    private final Jdbc jdbc;

    public BounceRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a fact; false when the same (source, recipient) was stored before. */
    public boolean insert(Bounce b) {
        String sql = """
                INSERT INTO bounce (id, source, source_ref, source_version, recipient, reason, hard_bounce, complaint,
                    delivery_status, action, reply_code, diagnostic_type, diagnostic_code, reporting_agent,
                    feedback_type, message_id, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""";
        return jdbc.update(sql, b.id(), b.source(), b.sourceRef(), b.sourceVersion(), b.recipient(), b.reason(),
                b.hardBounce(), b.complaint(), b.deliveryStatus(), b.action(), b.replyCode(), b.diagnosticType(),
                b.diagnosticCode(), b.reportingAgent(), b.feedbackType(), b.messageId(), b.occurredAt()) == 1;
    }

    /**
     * Facts whose time (reported time, else recorded time) lies in {@code [from, to)}, newest
     * first, optionally for one recipient (case-insensitive).
     */
    public List<Bounce> find(Optional<String> recipient, Instant from, Instant to, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM bounce WHERE coalesce(occurred_at, recorded_at) >= ? "
                + "AND coalesce(occurred_at, recorded_at) < ?"
                + (recipient.isPresent() ? " AND lower(recipient) = lower(?)" : "")
                + " ORDER BY coalesce(occurred_at, recorded_at) DESC, id LIMIT ?";
        List<Object> params = new ArrayList<>(List.of(from, to));
        recipient.ifPresent(params::add);
        params.add(limit);
        return jdbc.list(sql, BounceRepository::bounce, params.toArray());
    }

    /** All facts found in one source (an object key, or an SNS MessageId). */
    public List<Bounce> bySource(String source, String ref) {
        String sql = "SELECT " + COLUMNS + " FROM bounce WHERE source = ? AND source_ref = ? ORDER BY recipient";
        return jdbc.list(sql, BounceRepository::bounce, source, ref);
    }

    private static Bounce bounce(ResultSet rs) throws SQLException {
        boolean hard = rs.getBoolean("hard_bounce");
        Boolean hardBounce = rs.wasNull() ? null : hard;
        return new Bounce(rs.getObject("id", UUID.class), rs.getString("source"), rs.getString("source_ref"),
                rs.getString("source_version"), rs.getString("recipient"), rs.getString("reason"), hardBounce,
                rs.getString("delivery_status"), rs.getString("action"), rs.getString("reply_code"),
                rs.getString("diagnostic_type"), rs.getString("diagnostic_code"), rs.getString("reporting_agent"),
                rs.getString("feedback_type"), rs.getString("message_id"), Jdbc.instant(rs, "occurred_at"),
                Jdbc.instant(rs, "recorded_at"));
    }
}
