package jp.foodtrace.bounce.fact.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.bounce.fact.Bounce;

/** The {@code bounce} table: one row per (source, recipient), queryable by recipient and time. */
@ApplicationScoped
public class BounceRepository {

    private static final String COLUMNS = """
            id, source, source_ref, source_version, recipient, reason, hard_bounce, complaint, delivery_status,
            action, reply_code, diagnostic_type, diagnostic_code, reporting_agent, feedback_type, message_id,
            occurred_at, recorded_at""";

    private final DataSource dataSource;

    public BounceRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a fact; false when the same (source, recipient) was stored before. */
    public boolean insert(Bounce b) {
        String sql = """
                INSERT INTO bounce (id, source, source_ref, source_version, recipient, reason, hard_bounce, complaint,
                    delivery_status, action, reply_code, diagnostic_type, diagnostic_code, reporting_agent,
                    feedback_type, message_id, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, b.id());
            ps.setString(2, b.source());
            ps.setString(3, b.sourceRef());
            ps.setString(4, b.sourceVersion());
            ps.setString(5, b.recipient());
            ps.setString(6, b.reason());
            if (b.hardBounce() == null) {
                ps.setNull(7, Types.BOOLEAN);
            } else {
                ps.setBoolean(7, b.hardBounce());
            }
            ps.setBoolean(8, b.complaint());
            ps.setString(9, b.deliveryStatus());
            ps.setString(10, b.action());
            ps.setString(11, b.replyCode());
            ps.setString(12, b.diagnosticType());
            ps.setString(13, b.diagnosticCode());
            ps.setString(14, b.reportingAgent());
            ps.setString(15, b.feedbackType());
            ps.setString(16, b.messageId());
            ps.setTimestamp(17, b.occurredAt() == null ? null : Timestamp.from(b.occurredAt()));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store bounce for source " + b.sourceRef(), e);
        }
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
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setTimestamp(i++, Timestamp.from(from));
            ps.setTimestamp(i++, Timestamp.from(to));
            if (recipient.isPresent()) {
                ps.setString(i++, recipient.get());
            }
            ps.setInt(i, limit);
            return read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read bounces", e);
        }
    }

    /** All facts found in one source (an object key, or an SNS MessageId). */
    public List<Bounce> bySource(String source, String ref) {
        String sql = "SELECT " + COLUMNS + " FROM bounce WHERE source = ? AND source_ref = ? ORDER BY recipient";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, source);
            ps.setString(2, ref);
            return read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read bounces", e);
        }
    }

    private static List<Bounce> read(PreparedStatement ps) throws SQLException {
        List<Bounce> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                boolean hard = rs.getBoolean("hard_bounce");
                Boolean hardBounce = rs.wasNull() ? null : hard;
                Timestamp occurred = rs.getTimestamp("occurred_at");
                out.add(new Bounce(rs.getObject("id", java.util.UUID.class), rs.getString("source"),
                        rs.getString("source_ref"), rs.getString("source_version"), rs.getString("recipient"),
                        rs.getString("reason"), hardBounce, rs.getString("delivery_status"), rs.getString("action"),
                        rs.getString("reply_code"), rs.getString("diagnostic_type"), rs.getString("diagnostic_code"),
                        rs.getString("reporting_agent"), rs.getString("feedback_type"), rs.getString("message_id"),
                        occurred == null ? null : occurred.toInstant(), rs.getTimestamp("recorded_at").toInstant()));
            }
        }
        return out;
    }
}
