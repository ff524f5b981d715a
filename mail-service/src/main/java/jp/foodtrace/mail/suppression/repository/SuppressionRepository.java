package jp.foodtrace.mail.suppression.repository;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.data.Jdbc;
import jp.foodtrace.mail.request.MailCategory;

/**
 * The suppression list: (recipient, category) pairs, with {@link #ALL_CATEGORIES} for hard
 * bounces and complaints, and the reason of each. The first reason recorded for a pair stays,
 * except that a hard bounce replaces a complaint: only a hard bounce stops recall mail, so it
 * must not be hidden behind an earlier complaint.
 */
@ApplicationScoped
public class SuppressionRepository {

    /** Category of a suppression that covers every category. */
    public static final String ALL_CATEGORIES = "all";

    private final Jdbc jdbc;

    public SuppressionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a suppression; false if the pair was already suppressed (with this reason or a stronger one). */
    public boolean add(String recipient, String category, String reason, String sourceRef) {
        String sql = """
                INSERT INTO suppression (recipient, category, reason, source_ref) VALUES (?, ?, ?, ?)
                ON CONFLICT (recipient, category) DO UPDATE
                SET reason = EXCLUDED.reason, source_ref = EXCLUDED.source_ref, created_at = now()
                WHERE EXCLUDED.reason = 'hard-bounce' AND suppression.reason <> 'hard-bounce'""";
        return jdbc.update(sql, recipient, category, reason, sourceRef) == 1;
    }

    /**
     * Why mail of this category must not go to this recipient, if it must not. Recall mail is
     * stopped by a hard bounce only; every other category by any suppression of it or of all.
     */
    public Optional<String> reasonFor(String recipient, MailCategory category) {
        if (category == MailCategory.RECALL) {
            return jdbc.one("""
                    SELECT reason FROM suppression WHERE recipient = ? AND category = 'all' AND reason = 'hard-bounce'""",
                    rs -> rs.getString("reason"), recipient);
        }
        String sql = """
                SELECT reason FROM suppression WHERE recipient = ? AND category IN (?, 'all')
                ORDER BY (category = 'all') DESC LIMIT 1""";
        return jdbc.one(sql, rs -> rs.getString("reason"), recipient, category.wireName());
    }
}
