package jp.foodtrace.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The suite's one way to run SQL: a thin helper over the data source. Connections taken inside a
 * JTA transaction are enlisted in it, so repositories written with this helper commit or roll
 * back with the caller. One error policy: every {@link SQLException} leaves as a
 * {@link DataAccessFailure} that keeps it as the cause and names the statement; retry versus
 * dead letter (or 503 versus 500) is decided from its SQLState by the caller's failure
 * classification, never here.
 *
 * <p>Use it for hand-written SQL (upserts with {@code ON CONFLICT}, {@code SKIP LOCKED} queues,
 * batches, reports). Panache entities stay where a service keeps plain entity state.
 */
@ApplicationScoped
public class Jdbc {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work that needs one connection for several statements (a prepared statement reused in a loop). */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
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
            throw failure(sql, e);
        }
    }

    /** At most one row; more than one is a programming error. */
    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        if (rows.size() > 1) {
            throw new IllegalStateException("more than one row: " + firstLine(sql));
        }
        return rows.stream().findFirst();
    }

    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(sql, e);
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
            throw failure(sql, e.getNextException() != null ? e.getNextException() : e);
        }
    }

    /** Runs work on one connection; {@code what} names it in the failure. */
    public <T> T inConnection(String what, ConnectionWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e.getNextException() != null ? e.getNextException() : e);
        }
    }

    /** Binds parameters the way {@link #list} and {@link #update} do, for code that prepares its own statements. */
    public static void bind(Connection c, PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant instant) {
                ps.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else if (p instanceof String[] array) {
                ps.setArray(i + 1, c.createArrayOf("text", array));
            } else if (p instanceof Long[] array) {
                ps.setArray(i + 1, c.createArrayOf("bigint", array));
            } else if (p instanceof UUID[] array) {
                ps.setArray(i + 1, c.createArrayOf("uuid", array));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    /** An instant column (timestamptz) of the current row, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** The one translation of a JDBC error: the statement's first line and the cause. */
    public static DataAccessFailure failure(String sqlOrWhat, SQLException e) {
        return new DataAccessFailure("SQL failed: " + firstLine(sqlOrWhat), e);
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        bind(c, ps, params);
        return ps;
    }

    private static String firstLine(String sql) {
        return sql.strip().lines().findFirst().orElse(sql);
    }
}
