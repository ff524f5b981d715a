package jp.foodtrace.gateway.master;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

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

    private final DataSource dataSource;

    public MasterDataRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a record unless a newer HQ version is already there (compacted topics replay old ones). */
    public void upsert(Kind kind, String key, long hqVersion, String document) {
        String sql = "INSERT INTO " + kind.table + " (" + kind.keyColumn + ", hq_version, local_version, document) "
                + "VALUES (?, ?, nextval('master_version'), ?::jsonb) "
                + "ON CONFLICT (" + kind.keyColumn + ") DO UPDATE SET hq_version = EXCLUDED.hq_version, "
                + "local_version = EXCLUDED.local_version, document = EXCLUDED.document "
                + "WHERE " + kind.table + ".hq_version <= EXCLUDED.hq_version "
                + "AND " + kind.table + ".document IS DISTINCT FROM EXCLUDED.document";
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement(sql)) {
            upsert.setString(1, key);
            upsert.setLong(2, hqVersion);
            upsert.setString(3, document);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("master data upsert failed", e);
        }
    }

    public List<Change> since(Kind kind, long version, String onlyKey, int limit) {
        String sql = "SELECT " + kind.keyColumn + ", local_version, document::text FROM " + kind.table
                + " WHERE local_version > ?" + (onlyKey == null ? "" : " AND " + kind.keyColumn + " = ?")
                + " ORDER BY local_version LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            int i = 1;
            q.setLong(i++, version);
            if (onlyKey != null) {
                q.setString(i++, onlyKey);
            }
            q.setInt(i, limit);
            List<Change> changes = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    changes.add(new Change(rs.getString(1), rs.getLong(2), rs.getString(3)));
                }
            }
            return changes;
        } catch (SQLException e) {
            throw new IllegalStateException("master data query failed", e);
        }
    }
}
