package jp.foodtrace.mail.suppression.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.data.Jdbc;
import jp.foodtrace.mail.suppression.BounceFact;

/** Every bounce and complaint fact received, with how it matched the mail log (table {@code bounce_fact}, V5). */
@ApplicationScoped
public class BounceFactRepository {

    private final Jdbc jdbc;

    public BounceFactRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a fact; false if a fact with this id was recorded before (nothing changes). */
    public boolean insert(BounceFact fact) {
        String sql = """
                INSERT INTO bounce_fact (bounce_id, recipient, kind, reason, feedback_type, original_message_id, match,
                                         matched_request_id, suppressed, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (bounce_id) DO NOTHING""";
        return jdbc.update(sql, fact.bounceId(), fact.recipient(), fact.kind(), fact.reason(), fact.feedbackType(),
                fact.originalMessageId(), fact.match(), fact.matchedRequestId(), fact.suppressed(),
                fact.occurredAt()) == 1;
    }

    /** Facts of one match kind, newest first. */
    public List<BounceFact> byMatch(String match, int limit) {
        return jdbc.list("""
                SELECT * FROM bounce_fact WHERE match = ? ORDER BY recorded_at DESC, bounce_id LIMIT ?""",
                BounceFactRepository::fact, match, Math.max(1, limit));
    }

    private static BounceFact fact(ResultSet rs) throws SQLException {
        return new BounceFact(rs.getString("bounce_id"), rs.getString("recipient"), rs.getString("kind"),
                rs.getString("reason"), rs.getString("feedback_type"), rs.getString("original_message_id"),
                rs.getString("match"), rs.getString("matched_request_id"), rs.getBoolean("suppressed"),
                Jdbc.instant(rs, "occurred_at"), Jdbc.instant(rs, "recorded_at"));
    }
}
