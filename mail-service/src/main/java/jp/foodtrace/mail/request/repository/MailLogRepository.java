package jp.foodtrace.mail.request.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.foodtrace.data.Jdbc;
import jp.foodtrace.mail.request.MailCategory;
import jp.foodtrace.mail.request.MailLocale;
import jp.foodtrace.mail.request.MailLogEntry;
import jp.foodtrace.mail.request.MailRequest;
import jp.foodtrace.mail.request.MailStatus;

/**
 * The mail log. Every state change is one conditional UPDATE ({@code WHERE status = <expected>}),
 * so two workers or a late duplicate can never both move the same request: the loser's update
 * touches no row. Works inside the caller's transaction where there is one (the topic consumer),
 * else each statement commits on its own.
 */
@ApplicationScoped
public class MailLogRepository {

    private static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() {
    };

    private static final String COLUMNS = """
            request_id, recipient, template_id, locale, category, parameters::text AS parameters, origin, status,
            attempts, message_id, raw_message, transport, transport_message_id, reason, created_at, finished_at""";

    private final Jdbc jdbc;
    private final ObjectMapper json;

    public MailLogRepository(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records a new request as PENDING; false if the request id is already known (nothing changes). */
    public boolean insert(MailRequest request, String origin) {
        return insert(request, origin, null);
    }

    /**
     * Records a new request of a sender (null: from the topic) as PENDING; false if the request id is
     * already known (nothing changes). A sender's request id is already {@code <sender>/<id>}.
     */
    public boolean insert(MailRequest request, String origin, String sender) {
        String sql = """
                INSERT INTO mail_log (request_id, recipient, template_id, locale, category, parameters, origin, status, sender)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, 'PENDING', ?) ON CONFLICT (request_id) DO NOTHING""";
        String parameters;
        try {
            parameters = json.writeValueAsString(request.parameters());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot record mail request " + request.requestId(), e);
        }
        return jdbc.update(sql, request.requestId(), request.recipient(), request.templateId(), request.locale().tag(),
                request.category().wireName(), parameters, origin, sender) == 1;
    }

    public Optional<MailLogEntry> find(String requestId) {
        return jdbc.one("SELECT " + COLUMNS + " FROM mail_log WHERE request_id = ?", this::entry, requestId);
    }

    /**
     * Claims the oldest due PENDING request for this worker (PENDING → CLAIMED, one more attempt),
     * skipping rows another worker holds. Empty when nothing is due.
     */
    public Optional<MailLogEntry> claimNext() {
        String sql = """
                UPDATE mail_log SET status = 'CLAIMED', claimed_at = now(), attempts = attempts + 1, updated_at = now()
                WHERE request_id = (SELECT request_id FROM mail_log WHERE status = 'PENDING' AND next_attempt_at <= now()
                                    ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING""" + " " + COLUMNS;
        return jdbc.one(sql, this::entry);
    }

    /**
     * CLAIMED → SENDING, just before the transport gets the message: from here on a crash leaves
     * the request ambiguous. Keeps a message composed by an earlier attempt.
     */
    public boolean markSending(String requestId, String messageId, byte[] rawMessage, String transport) {
        String sql = """
                UPDATE mail_log SET status = 'SENDING', claimed_at = now(), updated_at = now(),
                       message_id = COALESCE(message_id, ?), raw_message = COALESCE(raw_message, ?), transport = ?
                WHERE request_id = ? AND status = 'CLAIMED'""";
        return jdbc.update(sql, messageId, rawMessage, transport, requestId) == 1;
    }

    /** Ends a request in {@code to} (SENT, SUPPRESSED, FAILED), if it still is in {@code from}. */
    public boolean finish(String requestId, MailStatus from, MailStatus to, String transportMessageId, String reason) {
        if (!to.isFinal()) {
            throw new IllegalArgumentException("not a final status: " + to);
        }
        String sql = """
                UPDATE mail_log SET status = ?, transport_message_id = ?, reason = ?, finished_at = now(), updated_at = now()
                WHERE request_id = ? AND status = ?""";
        return jdbc.update(sql, to.name(), transportMessageId, reason, requestId, from.name()) == 1;
    }

    /** Gives a request back for a later attempt (a send that surely did not go out), after {@code delay}. */
    public boolean release(String requestId, MailStatus from, Duration delay, String reason) {
        String sql = """
                UPDATE mail_log SET status = 'PENDING', claimed_at = NULL, reason = ?, updated_at = now(),
                       next_attempt_at = now() + (? * interval '1 millisecond')
                WHERE request_id = ? AND status = ?""";
        return jdbc.update(sql, reason, delay.toMillis(), requestId, from.name()) == 1;
    }

    /** CLAIMED rows older than the lease: their worker died before sending, so they go back to PENDING. */
    public int releaseExpiredClaims(Duration lease) {
        String sql = """
                UPDATE mail_log SET status = 'PENDING', claimed_at = NULL, updated_at = now(), next_attempt_at = now()
                WHERE status = 'CLAIMED' AND claimed_at < now() - (? * interval '1 millisecond')""";
        return jdbc.update(sql, lease.toMillis());
    }

    /** SENDING rows older than the lease: their worker died during the send; they end UNKNOWN, not resent. */
    public int expireSending(Duration lease) {
        String sql = """
                UPDATE mail_log SET status = 'UNKNOWN', finished_at = now(), updated_at = now(),
                       reason = 'outcome unknown: the instance stopped while the transport had the message; not resent'
                WHERE status = 'SENDING' AND claimed_at < now() - (? * interval '1 millisecond')""";
        return jdbc.update(sql, lease.toMillis());
    }

    /**
     * Finished requests in one of the statuses ops act on (UNKNOWN, FAILED), oldest first. The
     * status goes into the SQL as a literal (it is an enum constant) so that the planner can use the
     * partial index {@code mail_log_needs_attention} (V4) for it.
     */
    public List<MailLogEntry> needingAttention(MailStatus status, int limit) {
        if (status != MailStatus.UNKNOWN && status != MailStatus.FAILED) {
            throw new IllegalArgumentException("not a status ops list: " + status);
        }
        return jdbc.list("SELECT " + COLUMNS + " FROM mail_log WHERE status = '" + status.name() + "'"
                + " ORDER BY finished_at, request_id LIMIT " + Math.max(1, limit), this::entry);
    }

    /** Like {@link #needingAttention(MailStatus, int)}, only the requests of one sender. */
    public List<MailLogEntry> needingAttention(MailStatus status, String sender, int limit) {
        if (status != MailStatus.UNKNOWN && status != MailStatus.FAILED) {
            throw new IllegalArgumentException("not a status ops list: " + status);
        }
        return jdbc.list("SELECT " + COLUMNS + " FROM mail_log WHERE status = '" + status.name() + "' AND sender = ?"
                + " ORDER BY finished_at, request_id LIMIT " + Math.max(1, limit), this::entry, sender);
    }

    /**
     * The mail of ours a bounce's message id names: our RFC 5322 Message-ID (with or without angle
     * brackets) or the transport's id (SES message id, also as the local part of an SES Message-ID),
     * sent (or possibly sent) to this recipient.
     */
    public Optional<MailLogEntry> sentByMessageId(String messageId, String recipient) {
        String bare = messageId.strip();
        if (bare.startsWith("<") && bare.endsWith(">")) {
            bare = bare.substring(1, bare.length() - 1).strip();
        }
        if (bare.isEmpty()) {
            return Optional.empty();
        }
        int at = bare.indexOf('@');
        String localPart = at > 0 ? bare.substring(0, at) : bare;
        String sql = "SELECT " + COLUMNS + " FROM mail_log WHERE recipient = ? AND status IN ('SENT', 'UNKNOWN')"
                + " AND (message_id = ? OR transport_message_id = ? OR transport_message_id = ?)"
                + " ORDER BY finished_at DESC LIMIT 1";
        return jdbc.one(sql, this::entry, recipient, "<" + bare + ">", bare, localPart);
    }

    /** The latest mail sent (or possibly sent) to a recipient after {@code since}, if any. */
    public Optional<MailLogEntry> sentToSince(String recipient, java.time.Instant since) {
        String sql = "SELECT " + COLUMNS + " FROM mail_log WHERE recipient = ? AND status IN ('SENT', 'UNKNOWN')"
                + " AND finished_at >= ? ORDER BY finished_at DESC LIMIT 1";
        return jdbc.one(sql, this::entry, recipient, since);
    }

    /** Marks a sent request hard-bounced (once); its BOUNCED outcome is published by housekeeping. */
    public boolean markBounced(String requestId, String bounceId) {
        return jdbc.update("""
                UPDATE mail_log SET bounce_id = ?, bounced_at = now(), updated_at = now()
                WHERE request_id = ? AND bounced_at IS NULL""", bounceId, requestId) == 1;
    }

    /** Bounced requests whose BOUNCED outcome the broker has not confirmed yet, with the bounce id. */
    public List<Bounced> unpublishedBounces(int limit) {
        return jdbc.list("SELECT " + COLUMNS + ", bounce_id, bounced_at FROM mail_log"
                + " WHERE bounced_at IS NOT NULL AND NOT bounce_published ORDER BY bounced_at LIMIT " + Math.max(1, limit),
                rs -> new Bounced(entry(rs), rs.getString("bounce_id"), Jdbc.instant(rs, "bounced_at")));
    }

    public void markBouncePublished(String requestId) {
        jdbc.update("UPDATE mail_log SET bounce_published = true WHERE request_id = ?", requestId);
    }

    /** A sent request and the hard bounce that was matched to it. */
    public record Bounced(MailLogEntry entry, String bounceId, java.time.Instant bouncedAt) {
    }

    /** Finished requests whose outcome event the broker has not confirmed yet. */
    public List<MailLogEntry> unpublished(int limit) {
        return jdbc.list("SELECT " + COLUMNS + " FROM mail_log WHERE finished_at IS NOT NULL AND NOT outcome_published"
                + " ORDER BY finished_at LIMIT " + Math.max(1, limit), this::entry);
    }

    public void markPublished(String requestId) {
        jdbc.update("UPDATE mail_log SET outcome_published = true WHERE request_id = ?", requestId);
    }

    private MailLogEntry entry(ResultSet rs) throws SQLException {
        Map<String, Object> parameters;
        try {
            parameters = json.readValue(rs.getString("parameters"), PARAMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable parameters of " + rs.getString("request_id"), e);
        }
        return new MailLogEntry(rs.getString("request_id"), rs.getString("recipient"), rs.getString("template_id"),
                MailLocale.fromTag(rs.getString("locale")).orElseThrow(),
                MailCategory.fromWire(rs.getString("category")).orElseThrow(),
                parameters, rs.getString("origin"), MailStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getString("message_id"), rs.getBytes("raw_message"), rs.getString("transport"),
                rs.getString("transport_message_id"), rs.getString("reason"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "finished_at"));
    }
}
