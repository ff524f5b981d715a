package jp.foodtrace.sync.master.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.data.Jdbc;
import jp.foodtrace.sync.master.Product;
import jp.foodtrace.sync.master.Store;

/** Products and stores, each with the canonical content last stored for change detection. */
@ApplicationScoped
public class MasterRepository {

    private final Jdbc jdbc;

    public MasterRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public long nextVersion() {
        return jdbc.one("SELECT nextval('master_version')", rs -> rs.getLong(1)).orElseThrow();
    }

    /** Stored canonical content of a product, locked for this transaction. */
    public Optional<String> productContent(String itemCode) {
        return jdbc.one("SELECT content FROM product WHERE item_code = ? FOR UPDATE", rs -> rs.getString(1), itemCode);
    }

    public Optional<String> storeContent(String storeCode) {
        return jdbc.one("SELECT content FROM store WHERE store_code = ? FOR UPDATE", rs -> rs.getString(1), storeCode);
    }

    public void upsert(Product p, String content) {
        jdbc.update("""
                INSERT INTO product (item_code, name, unit, orderable, min_quantity, max_quantity, version, content, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (item_code) DO UPDATE SET name = excluded.name, unit = excluded.unit,
                  orderable = excluded.orderable, min_quantity = excluded.min_quantity,
                  max_quantity = excluded.max_quantity, version = excluded.version, content = excluded.content,
                  updated_at = excluded.updated_at""",
                p.itemCode(), p.name(), p.unit(), p.orderable(), p.minQuantity(), p.maxQuantity(), p.version(), content,
                p.updatedAt());
    }

    public void upsert(Store s, String content) {
        jdbc.update("""
                INSERT INTO store (store_code, name, cut_off_time, contact_email, version, content, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (store_code) DO UPDATE SET name = excluded.name, cut_off_time = excluded.cut_off_time,
                  contact_email = excluded.contact_email, version = excluded.version, content = excluded.content,
                  updated_at = excluded.updated_at""",
                s.storeCode(), s.name(), s.cutOffTime(), s.contactEmail(), s.version(), content, s.updatedAt());
    }

    public boolean productExists(String itemCode) {
        return jdbc.one("SELECT 1 FROM product WHERE item_code = ?", rs -> 1, itemCode).isPresent();
    }

    public boolean storeExists(String storeCode) {
        return jdbc.one("SELECT 1 FROM store WHERE store_code = ?", rs -> 1, storeCode).isPresent();
    }

    public Optional<Store> store(String storeCode) {
        return jdbc.one("SELECT * FROM store WHERE store_code = ?", MasterRepository::store, storeCode);
    }

    private static Store store(ResultSet rs) throws SQLException {
        return new Store(rs.getString("store_code"), rs.getString("name"), rs.getObject("cut_off_time", LocalTime.class),
                rs.getString("contact_email"), rs.getLong("version"), Jdbc.instant(rs, "updated_at"));
    }

}
