package jp.foodtrace.sync.lot.repository;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.data.Jdbc;
import jp.foodtrace.messaging.events.LotRecorded;

/** Production lots with their input lots; an update replaces the inputs. */
@ApplicationScoped
public class LotRepository {

    private final Jdbc jdbc;

    public LotRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> content(String lotNumber) {
        return jdbc.one("SELECT content FROM lot WHERE lot_number = ? FOR UPDATE", rs -> rs.getString(1), lotNumber);
    }

    /** Stores a lot and replaces its inputs (an upsert, so racing batches both succeed). */
    public void save(LotRecorded lot, String content) {
        jdbc.update("""
                INSERT INTO lot (lot_number, item_code, plant, produced_at, best_before, quantity, content, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (lot_number) DO UPDATE SET item_code = excluded.item_code, plant = excluded.plant,
                  produced_at = excluded.produced_at, best_before = excluded.best_before, quantity = excluded.quantity,
                  content = excluded.content, updated_at = excluded.updated_at""",
                lot.lotNumber(), lot.itemCode(), lot.plant(), lot.producedAt(), lot.bestBefore(), lot.quantity(), content,
                Instant.now());
        jdbc.update("DELETE FROM lot_input WHERE lot_number = ?", lot.lotNumber());
        for (LotRecorded.Input input : lot.inputs()) {
            jdbc.update("INSERT INTO lot_input (lot_number, input_lot_number, quantity) VALUES (?, ?, ?)",
                    lot.lotNumber(), input.lotNumber(), input.quantity());
        }
    }
}
