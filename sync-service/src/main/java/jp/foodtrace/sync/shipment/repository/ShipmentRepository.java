package jp.foodtrace.sync.shipment.repository;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.data.Jdbc;
import jp.foodtrace.messaging.events.ShipmentRecorded;

/** Shipments with their orders and lines; an update replaces both. */
@ApplicationScoped
public class ShipmentRepository {

    private final Jdbc jdbc;

    public ShipmentRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> content(String shipmentId) {
        return jdbc.one("SELECT content FROM shipment WHERE shipment_id = ? FOR UPDATE", rs -> rs.getString(1), shipmentId);
    }

    /**
     * Stores a shipment, replacing its orders and lines. An upsert rather than an insert, so that
     * two batches racing with the same new shipment both succeed (the later one wins).
     */
    public void save(ShipmentRecorded s, String content) {
        jdbc.update("""
                INSERT INTO shipment (shipment_id, store_code, shipped_at, content, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (shipment_id) DO UPDATE SET store_code = excluded.store_code,
                  shipped_at = excluded.shipped_at, content = excluded.content, updated_at = excluded.updated_at""",
                s.shipmentId(), s.storeCode(), s.shippedAt(), content, Instant.now());
        jdbc.update("DELETE FROM shipment_order WHERE shipment_id = ?", s.shipmentId());
        jdbc.update("DELETE FROM shipment_line WHERE shipment_id = ?", s.shipmentId());
        for (String orderId : s.orderIds()) {
            jdbc.update("INSERT INTO shipment_order (shipment_id, order_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    s.shipmentId(), orderId);
        }
        int lineNo = 1;
        for (ShipmentRecorded.Line line : s.lines()) {
            jdbc.update("INSERT INTO shipment_line (shipment_id, line_no, item_code, lot_number, quantity) VALUES (?, ?, ?, ?, ?)",
                    s.shipmentId(), lineNo++, line.itemCode(), line.lotNumber(), line.quantity());
        }
    }
}
