package jp.foodtrace.bounce.rate.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Sends (the {@code mail_send} table) and the counts of sends, hard bounces and complaints in a window. */
@ApplicationScoped
public class RateRepository {

    /** Sends, hard bounces and complaints counted from {@code since}. */
    public record Counts(long sends, long hardBounces, long complaints) {
    }

    private final DataSource dataSource;

    public RateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records one send; false when the event was recorded before. */
    public boolean recordSend(UUID eventId, String requestId, Instant sentAt) {
        String sql = "INSERT INTO mail_send (event_id, request_id, sent_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, eventId);
            ps.setString(2, requestId);
            ps.setTimestamp(3, Timestamp.from(sentAt));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record send", e);
        }
    }

    /**
     * Sends made from {@code since}, and hard bounces and complaints recorded from {@code since}
     * (a bounce counts when it arrives, as SES counts it, not at the time of the send it belongs to).
     */
    public Counts countsSince(Instant since) {
        String sql = """
                SELECT (SELECT count(*) FROM mail_send WHERE sent_at >= ?),
                       (SELECT count(*) FROM bounce WHERE hard_bounce AND NOT complaint AND recorded_at >= ?),
                       (SELECT count(*) FROM bounce WHERE complaint AND recorded_at >= ?)""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Timestamp from = Timestamp.from(since);
            ps.setTimestamp(1, from);
            ps.setTimestamp(2, from);
            ps.setTimestamp(3, from);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count sends and bounces", e);
        }
    }

    /** Time of the {@code n}-th most recent send, or of the oldest when there are fewer; empty without sends. */
    public Optional<Instant> startOfLastSends(int n) {
        String sql = """
                SELECT coalesce(
                    (SELECT sent_at FROM mail_send ORDER BY sent_at DESC OFFSET ? LIMIT 1),
                    (SELECT min(sent_at) FROM mail_send))""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, Math.max(0, n - 1));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp t = rs.getTimestamp(1);
                return t == null ? Optional.empty() : Optional.of(t.toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read recent sends", e);
        }
    }
}
