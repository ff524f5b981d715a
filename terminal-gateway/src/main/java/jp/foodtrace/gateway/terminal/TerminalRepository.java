package jp.foodtrace.gateway.terminal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.gateway.access.Cidr;

/** The terminal registry table. */
@ApplicationScoped
public class TerminalRepository {

    private final DataSource dataSource;

    public TerminalRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Terminal> find(String terminalId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("""
                        SELECT terminal_id, store_code, source_cidr, key_salt, key_hash, last_seen_at
                        FROM terminal WHERE terminal_id = ?""")) {
            q.setString(1, terminalId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("terminal look-up failed", e);
        }
    }

    /** Inserts or replaces terminals; returns how many rows were new. */
    public int upsert(List<Terminal> terminals) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement upsert = c.prepareStatement("""
                        INSERT INTO terminal (terminal_id, store_code, source_cidr, key_salt, key_hash)
                        VALUES (?, ?, ?::cidr, ?, ?)
                        ON CONFLICT (terminal_id) DO UPDATE SET store_code = EXCLUDED.store_code,
                            source_cidr = EXCLUDED.source_cidr, key_salt = EXCLUDED.key_salt,
                            key_hash = EXCLUDED.key_hash, updated_at = now()
                        RETURNING (xmax = 0) AS inserted""")) {
            int created = 0;
            for (Terminal t : terminals) {
                upsert.setString(1, t.terminalId());
                upsert.setString(2, t.storeCode());
                upsert.setString(3, t.source().toString());
                upsert.setString(4, t.keySalt());
                upsert.setString(5, t.keyHash());
                try (ResultSet rs = upsert.executeQuery()) {
                    rs.next();
                    created += rs.getBoolean(1) ? 1 : 0;
                }
            }
            return created;
        } catch (SQLException e) {
            throw new IllegalStateException("terminal upsert failed", e);
        }
    }

    public void touch(String terminalId, Instant at) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement(
                        "UPDATE terminal SET last_seen_at = greatest(last_seen_at, ?) WHERE terminal_id = ?")) {
            u.setTimestamp(1, Timestamp.from(at));
            u.setString(2, terminalId);
            u.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("last-seen update failed", e);
        }
    }

    /** {@link #touch} for many terminals in one statement. */
    public void touchAll(Map<String, Instant> lastSeen) {
        if (lastSeen.isEmpty()) {
            return;
        }
        String[] ids = lastSeen.keySet().toArray(String[]::new);
        String[] times = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            times[i] = lastSeen.get(ids[i]).toString();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement("""
                        UPDATE terminal t SET last_seen_at = greatest(t.last_seen_at, s.at::timestamptz)
                        FROM unnest(?::text[], ?::text[]) AS s(terminal_id, at)
                        WHERE t.terminal_id = s.terminal_id""")) {
            u.setArray(1, c.createArrayOf("text", ids));
            u.setArray(2, c.createArrayOf("text", times));
            u.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("last-seen update failed", e);
        }
    }

    /** Terminals not heard from since the given time (never heard from included), by store. */
    public List<Terminal> silentSince(Instant since) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("""
                        SELECT terminal_id, store_code, source_cidr, key_salt, key_hash, last_seen_at
                        FROM terminal WHERE last_seen_at IS NULL OR last_seen_at < ?
                        ORDER BY store_code, terminal_id""")) {
            q.setTimestamp(1, Timestamp.from(since));
            List<Terminal> silent = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    silent.add(map(rs));
                }
            }
            return silent;
        } catch (SQLException e) {
            throw new IllegalStateException("silent-terminal query failed", e);
        }
    }

    private static Terminal map(ResultSet rs) throws SQLException {
        Timestamp seen = rs.getTimestamp(6);
        return new Terminal(rs.getString(1), rs.getString(2), Cidr.parse(rs.getString(3)), rs.getString(4),
                rs.getString(5), seen == null ? null : seen.toInstant());
    }
}
