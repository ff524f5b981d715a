package jp.foodtrace.mail.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.mail.MailCategory;

/**
 * The suppression list: (recipient, category) pairs, with {@link #ALL_CATEGORIES} for hard
 * bounces and complaints. The first reason recorded for a pair stays.
 */
@ApplicationScoped
public class SuppressionRepository {

    /** Category of a suppression that covers every category. */
    public static final String ALL_CATEGORIES = "all";

    private final DataSource dataSource;

    public SuppressionRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Adds a suppression; false if the pair was already suppressed. */
    public boolean add(String recipient, String category, String reason, String sourceRef) {
        String sql = """
                INSERT INTO suppression (recipient, category, reason, source_ref) VALUES (?, ?, ?, ?)
                ON CONFLICT (recipient, category) DO NOTHING""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, recipient);
            ps.setString(2, category);
            ps.setString(3, reason);
            ps.setString(4, sourceRef);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record suppression", e);
        }
    }

    /** Why mail of this category must not go to this recipient, if it must not. */
    public Optional<String> reasonFor(String recipient, MailCategory category) {
        String sql = """
                SELECT reason FROM suppression WHERE recipient = ? AND category IN (?, 'all')
                ORDER BY (category = 'all') DESC LIMIT 1""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, recipient);
            ps.setString(2, category.wireName());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read suppressions", e);
        }
    }
}
