package jp.foodtrace.sync.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.messaging.TransientFailure;

/**
 * Thin JDBC helper over the Agroal data source. Connections taken inside a JTA transaction are
 * enlisted in it, so repositories written with this helper commit or roll back with the caller.
 * A lost connection is a {@link TransientFailure}; anything else is a programming or data error.
 */
@ApplicationScoped
public class Jdbc {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw translate(sql, e);
        }
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        if (rows.size() > 1) {
            throw new IllegalStateException("more than one row: " + sql);
        }
        return rows.stream().findFirst();
    }

    /** An instant column (timestamptz) of the current row, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw translate(sql, e);
        }
    }

    /**
     * Runs one statement for every row of parameters as a JDBC batch: one round trip, not one per
     * row. Returns nothing: with {@code reWriteBatchedInserts} the driver reports no row counts.
     */
    public void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(c, ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw translate(sql, e.getNextException() != null ? e.getNextException() : e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        bind(c, ps, params);
        return ps;
    }

    private static void bind(Connection c, PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant instant) {
                ps.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else if (p instanceof String[] array) {
                ps.setArray(i + 1, c.createArrayOf("text", array));
            } else if (p instanceof Long[] array) {
                ps.setArray(i + 1, c.createArrayOf("bigint", array));
            } else if (p instanceof java.util.UUID[] array) {
                ps.setArray(i + 1, c.createArrayOf("uuid", array));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    private static RuntimeException translate(String sql, SQLException e) {
        if (e instanceof SQLTransientException || (e.getSQLState() != null && e.getSQLState().startsWith("08"))) {
            return new TransientFailure("database unavailable", e);
        }
        return new IllegalStateException("SQL failed: " + sql.strip().lines().findFirst().orElse(sql), e);
    }
}
