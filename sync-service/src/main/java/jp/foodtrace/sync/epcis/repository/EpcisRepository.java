package jp.foodtrace.sync.epcis.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.data.Jdbc;
import jp.foodtrace.sync.epcis.EventIndex;
import jp.foodtrace.sync.epcis.EventIndex.LotEdge;
import jp.foodtrace.sync.epcis.EventIndex.LotMovement;
import jp.foodtrace.sync.epcis.EventIndex.Ref;

/**
 * Captured EPCIS events and capture jobs. Events of a capture go in with one statement per
 * table over arrays ({@code unnest}), so a document of hundreds of events costs a handful of
 * round trips; {@code ON CONFLICT (event_id) DO NOTHING} is what stores an event only once.
 */
@ApplicationScoped
public class EpcisRepository {

    /** An event to store: its id, JSON, index and the namespaces of its document. */
    public record NewEvent(String eventId, String json, String namespacesJson, EventIndex index) {
    }

    /** A stored capture job (the binding's CaptureJob). */
    public record CaptureJob(String captureId, String clientId, Instant createdAt, Instant finishedAt,
            String errorBehaviour, boolean success, int eventCount, int storedCount, String errorsJson) {
    }

    private final Jdbc jdbc;

    public EpcisRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the events not stored yet; returns how many were new. */
    public int insert(List<NewEvent> events, String captureId, Instant recordTime) {
        if (events.isEmpty()) {
            return 0;
        }
        int n = events.size();
        String[] ids = new String[n];
        String[] types = new String[n];
        String[] times = new String[n];
        String[] actions = new String[n];
        String[] steps = new String[n];
        String[] dispositions = new String[n];
        String[] readPoints = new String[n];
        String[] locations = new String[n];
        String[] jsons = new String[n];
        String[] namespaces = new String[n];
        Map<String, EventIndex> byId = new HashMap<>();
        for (int i = 0; i < n; i++) {
            NewEvent e = events.get(i);
            EventIndex x = e.index();
            ids[i] = e.eventId();
            types[i] = x.eventType();
            times[i] = x.eventTime().toString();
            actions[i] = x.action();
            steps[i] = x.bizStep();
            dispositions[i] = x.disposition();
            readPoints[i] = x.readPoint();
            locations[i] = x.bizLocation();
            jsons[i] = e.json();
            namespaces[i] = e.namespacesJson();
            byId.put(e.eventId(), x);
        }
        Map<Long, EventIndex> inserted = new HashMap<>();
        jdbc.list("""
                INSERT INTO epcis_event (event_id, event_type, event_time, record_time, action, biz_step, disposition,
                                         read_point, biz_location, event, namespaces, capture_id)
                SELECT t.id, t.type, t.time::timestamptz, ?, t.action, t.step, t.disposition, t.read_point, t.location,
                       t.event::jsonb, t.namespaces::jsonb, ?
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[])
                     WITH ORDINALITY AS t(id, type, time, action, step, disposition, read_point, location, event,
                                          namespaces, n)
                ORDER BY t.n
                ON CONFLICT (event_id) DO NOTHING
                RETURNING event_pk, event_id""", rs -> inserted.put(rs.getLong(1), byId.get(rs.getString(2))),
                recordTime, captureId, ids, types, times, actions, steps, dispositions, readPoints, locations, jsons,
                namespaces);
        index(inserted);
        return inserted.size();
    }

    /** The stored event's JSON, when there is one. */
    public Optional<String> storedEvent(String eventId) {
        return jdbc.one("SELECT event::text FROM epcis_event WHERE event_id = ?", rs -> rs.getString(1), eventId);
    }

    /**
     * Replaces a stored event by its error declaration (the same event with
     * {@code errorDeclaration}): queries then show the declaration, and the trace no longer
     * follows the event's lots.
     */
    public void declareError(String eventId, String json, EventIndex index, String captureId, Instant recordTime) {
        List<Long> pks = jdbc.list("""
                UPDATE epcis_event SET event = ?::jsonb, record_time = ?, capture_id = ?
                WHERE event_id = ? RETURNING event_pk""", rs -> rs.getLong(1), json, recordTime, captureId, eventId);
        for (long pk : pks) {
            jdbc.update("DELETE FROM epcis_lot_edge WHERE event_pk = ?", pk);
            jdbc.update("DELETE FROM epcis_lot_movement WHERE event_pk = ?", pk);
        }
    }

    private void index(Map<Long, EventIndex> inserted) {
        List<Long> refPk = new ArrayList<>();
        List<String> refRole = new ArrayList<>();
        List<String> refValue = new ArrayList<>();
        List<Object[]> edges = new ArrayList<>();
        List<Object[]> movements = new ArrayList<>();
        inserted.forEach((pk, x) -> {
            for (Ref r : x.refs()) {
                refPk.add(pk);
                refRole.add(r.role());
                refValue.add(r.value());
            }
            if (!x.errorDeclared()) {
                for (LotEdge e : x.edges()) {
                    edges.add(new Object[] { pk, e.output().lotNumber(), e.output().itemCode(), e.input().lotNumber(),
                            e.input().itemCode(), e.inputQuantity() });
                }
                for (LotMovement m : x.movements()) {
                    movements.add(new Object[] { pk, m.lot().lotNumber(), m.lot().itemCode(), m.quantity(), m.uom() });
                }
            }
        });
        if (!refPk.isEmpty()) {
            jdbc.update("""
                    INSERT INTO epcis_event_ref (event_pk, role, value)
                    SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[])""",
                    refPk.toArray(Long[]::new), refRole.toArray(String[]::new), refValue.toArray(String[]::new));
        }
        jdbc.batch("""
                INSERT INTO epcis_lot_edge (event_pk, lot_number, item_code, input_lot_number, input_item_code, quantity)
                VALUES (?, ?, ?, ?, ?, ?)""", edges);
        jdbc.batch("""
                INSERT INTO epcis_lot_movement (event_pk, lot_number, item_code, quantity, uom)
                VALUES (?, ?, ?, ?, ?)""", movements);
    }

    public void insertJob(CaptureJob job) {
        jdbc.update("""
                INSERT INTO epcis_capture (capture_id, client_id, created_at, finished_at, error_behaviour, success,
                                           event_count, stored_count, errors)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""", job.captureId(), job.clientId(), job.createdAt(),
                job.finishedAt(), job.errorBehaviour(), job.success(), job.eventCount(), job.storedCount(),
                job.errorsJson());
    }

    public Optional<CaptureJob> job(String captureId, String clientId) {
        return jdbc.one("SELECT * FROM epcis_capture WHERE capture_id = ? AND client_id = ?", this::job, captureId,
                clientId);
    }

    public List<CaptureJob> jobs(String clientId, int limit) {
        return jdbc.list("SELECT * FROM epcis_capture WHERE client_id = ? ORDER BY created_at DESC LIMIT ?", this::job,
                clientId, limit);
    }

    private CaptureJob job(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CaptureJob(rs.getString("capture_id"), rs.getString("client_id"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "finished_at"), rs.getString("error_behaviour"), rs.getBoolean("success"),
                rs.getInt("event_count"), rs.getInt("stored_count"), rs.getString("errors"));
    }
}
