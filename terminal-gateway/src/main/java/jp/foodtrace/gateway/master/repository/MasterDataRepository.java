package jp.foodtrace.gateway.master.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.data.Jdbc;

/**
 * The gateway's read copy of master data, built from the compacted master topics. Every change
 * takes the next value of one local sequence ({@code master_version}), so a terminal downloads
 * everything changed {@code since} the version it last saw. The stored document is the event
 * payload as HQ sent it.
 */
@ApplicationScoped
public class MasterDataRepository {

    /** The two kinds of master data, with their table. */
    public enum Kind {
        PRODUCT("product", "item_code"), STORE("store", "store_code");

        final String table;
        final String keyColumn;

        Kind(String table, String keyColumn) {
            this.table = table;
            this.keyColumn = keyColumn;
        }
    }

    /** One changed record: key, local version and the JSON document. */
    public record Change(String key, long version, String document) {
    }

    private final Jdbc jdbc;

    public MasterDataRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a record unless a newer HQ version is already there (compacted topics replay old ones). */
    public void upsert(Kind kind, String key, long hqVersion, String document) {
        String sql = "INSERT INTO " + kind.table + " (" + kind.keyColumn + ", hq_version, local_version, document) "
                + "VALUES (?, ?, nextval('master_version'), ?::jsonb) "
                + "ON CONFLICT (" + kind.keyColumn + ") DO UPDATE SET hq_version = EXCLUDED.hq_version, "
                + "local_version = EXCLUDED.local_version, document = EXCLUDED.document "
                + "WHERE " + kind.table + ".hq_version <= EXCLUDED.hq_version "
                + "AND " + kind.table + ".document IS DISTINCT FROM EXCLUDED.document";
        jdbc.update(sql, key, hqVersion, document);
    }

    public List<Change> since(Kind kind, long version, String onlyKey, int limit) {
        String sql = "SELECT " + kind.keyColumn + ", local_version, document::text FROM " + kind.table
                + " WHERE local_version > ?" + (onlyKey == null ? "" : " AND " + kind.keyColumn + " = ?")
                + " ORDER BY local_version LIMIT ?";
        List<Object> params = new ArrayList<>();
        params.add(version);
        if (onlyKey != null) {
            params.add(onlyKey);
        }
        params.add(limit);
        return jdbc.list(sql, rs -> new Change(rs.getString(1), rs.getLong(2), rs.getString(3)), params.toArray());
    }
}
