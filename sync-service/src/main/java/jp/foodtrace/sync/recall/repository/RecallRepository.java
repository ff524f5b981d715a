package jp.foodtrace.sync.recall.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.data.Jdbc;
import jp.foodtrace.sync.recall.Recall;

/** Recalls and their notices. */
@ApplicationScoped
public class RecallRepository {

    private final Jdbc jdbc;

    public RecallRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the recall; false when a recall with this id exists already. */
    public boolean insert(Recall recall) {
        int inserted = jdbc.update("""
                INSERT INTO recall (recall_id, lot_number, reason, requested_by, truncated, created_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (recall_id) DO NOTHING""",
                recall.recallId(), recall.lotNumber(), recall.reason(), recall.requestedBy(), recall.truncated(),
                recall.createdAt());
        if (inserted == 0) {
            return false;
        }
        for (Recall.Notice n : recall.notices()) {
            jdbc.update("INSERT INTO recall_notice (recall_id, store_code, recipient, request_id, status) VALUES (?, ?, ?, ?, ?)",
                    recall.recallId(), n.storeCode(), n.recipient(), n.requestId(), n.status());
        }
        return true;
    }

    /**
     * Records what mail-service reported for a notice's mail; false if no notice has this request
     * id (mail of another sender). BOUNCED is final: a SENT republished after it does not undo it.
     */
    public boolean recordDelivery(String requestId, String delivery, String reason, java.time.Instant at) {
        return jdbc.update("""
                UPDATE recall_notice SET delivery = ?, delivery_reason = ?, delivery_at = ?
                WHERE request_id = ? AND delivery IS DISTINCT FROM 'BOUNCED'""",
                delivery, reason, at, requestId) == 1;
    }

    public Optional<Recall> byId(String recallId) {
        return jdbc.one("SELECT * FROM recall WHERE recall_id = ?", this::map, recallId);
    }

    public List<Recall> latest(int limit) {
        return jdbc.list("SELECT * FROM recall ORDER BY created_at DESC, recall_id LIMIT ?", this::map, limit);
    }

    private Recall map(ResultSet rs) throws SQLException {
        String id = rs.getString("recall_id");
        List<Recall.Notice> notices = jdbc.list(
                """
                SELECT store_code, recipient, request_id, status, delivery, delivery_reason FROM recall_notice
                WHERE recall_id = ? ORDER BY store_code""",
                n -> new Recall.Notice(n.getString("store_code"), n.getString("recipient"), n.getString("request_id"),
                        n.getString("status"), n.getString("delivery"), n.getString("delivery_reason")), id);
        return new Recall(id, rs.getString("lot_number"), rs.getString("reason"), rs.getString("requested_by"),
                rs.getBoolean("truncated"), Jdbc.instant(rs, "created_at"), notices);
    }
}
