package jp.foodtrace.gateway.terminal.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.data.Jdbc;
import jp.foodtrace.gateway.access.Cidr;
import jp.foodtrace.gateway.terminal.Terminal;

/** The terminal registry table. */
@ApplicationScoped
public class TerminalRepository {

    private static final String SELECT = """
            SELECT terminal_id, store_code, source_cidr, key_salt, key_hash, last_seen_at
            FROM terminal""";

    private final Jdbc jdbc;

    public TerminalRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Terminal> find(String terminalId) {
        return jdbc.one(SELECT + " WHERE terminal_id = ?", TerminalRepository::map, terminalId);
    }

    /** The whole registry, in one query (about 2,000 rows for the fleet). */
    public List<Terminal> all() {
        return jdbc.list(SELECT, TerminalRepository::map);
    }

    /** Inserts or replaces terminals; returns how many rows were new. */
    public int upsert(List<Terminal> terminals) {
        String sql = """
                INSERT INTO terminal (terminal_id, store_code, source_cidr, key_salt, key_hash)
                VALUES (?, ?, ?::cidr, ?, ?)
                ON CONFLICT (terminal_id) DO UPDATE SET store_code = EXCLUDED.store_code,
                    source_cidr = EXCLUDED.source_cidr, key_salt = EXCLUDED.key_salt,
                    key_hash = EXCLUDED.key_hash, updated_at = now()
                RETURNING (xmax = 0) AS inserted""";
        return jdbc.inConnection(sql, c -> {
            int created = 0;
            try (PreparedStatement upsert = c.prepareStatement(sql)) {
                for (Terminal t : terminals) {
                    Jdbc.bind(c, upsert, t.terminalId(), t.storeCode(), t.source().toString(), t.keySalt(),
                            t.keyHash());
                    try (ResultSet rs = upsert.executeQuery()) {
                        rs.next();
                        created += rs.getBoolean(1) ? 1 : 0;
                    }
                }
            }
            return created;
        });
    }

    public void touch(String terminalId, Instant at) {
        jdbc.update("UPDATE terminal SET last_seen_at = greatest(last_seen_at, ?) WHERE terminal_id = ?", at,
                terminalId);
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
        jdbc.update("""
                UPDATE terminal t SET last_seen_at = greatest(t.last_seen_at, s.at::timestamptz)
                FROM unnest(?::text[], ?::text[]) AS s(terminal_id, at)
                WHERE t.terminal_id = s.terminal_id""", ids, times);
    }

    /** Terminals not heard from since the given time (never heard from included), by store. */
    public List<Terminal> silentSince(Instant since) {
        return jdbc.list(SELECT + " WHERE last_seen_at IS NULL OR last_seen_at < ? ORDER BY store_code, terminal_id",
                TerminalRepository::map, since);
    }

    private static Terminal map(ResultSet rs) throws SQLException {
        return new Terminal(rs.getString(1), rs.getString(2), Cidr.parse(rs.getString(3)), rs.getString(4),
                rs.getString(5), Jdbc.instant(rs, "last_seen_at"));
    }
}
