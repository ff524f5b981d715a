package jp.foodtrace.bounce.rate.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.data.Jdbc;

/** Sends (the {@code mail_send} table) and the counts of sends, hard bounces and complaints in a window. */
@ApplicationScoped
public class RateRepository {

    /** Sends, hard bounces and complaints counted from {@code since}. */
    public record Counts(long sends, long hardBounces, long complaints) {
    }

    private final Jdbc jdbc;

    public RateRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records one send; false when the event was recorded before. */
    public boolean recordSend(UUID eventId, String requestId, Instant sentAt) {
        return jdbc.update("INSERT INTO mail_send (event_id, request_id, sent_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                eventId, requestId, sentAt) == 1;
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
        return jdbc.one(sql, rs -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)), since, since, since)
                .orElseThrow();
    }

    /** Time of the {@code n}-th most recent send, or of the oldest when there are fewer; empty without sends. */
    public Optional<Instant> startOfLastSends(int n) {
        String sql = """
                SELECT coalesce(
                    (SELECT sent_at FROM mail_send ORDER BY sent_at DESC OFFSET ? LIMIT 1),
                    (SELECT min(sent_at) FROM mail_send))""";
        return jdbc.one(sql, rs -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)), Math.max(0, n - 1))
                .flatMap(start -> start.map(OffsetDateTime::toInstant));
    }
}
