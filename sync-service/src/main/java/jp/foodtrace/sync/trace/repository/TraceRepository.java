package jp.foodtrace.sync.trace.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.data.Jdbc;
import jp.foodtrace.sync.trace.Trace;

/**
 * The trace graph queries. The genealogy walk is a recursive CTE over {@code lot_input} that
 * keeps distinct (lot, depth) rows: a cycle in the data then repeats only until the depth bound,
 * so the walk always ends and costs at most lots x depth rows (no path enumeration). A walk is
 * truncated exactly when some reached lot has an edge to a lot that was not reached: every lot
 * above the bound had its edges followed, so such an edge starts at the bound.
 *
 * <p>The edges are HQ's own ({@code lot_input}) and those partners captured over EPCIS
 * ({@code epcis_lot_edge}, from TransformationEvents): a lot made from a supplier lot that the
 * supplier made from other lots is traced through both.
 */
@ApplicationScoped
public class TraceRepository {

    /** Which way a walk follows the lot_input edges. */
    public enum Direction {
        /** From an input lot to the lots made from it. */
        FORWARD("input_lot_number", "lot_number"),
        /** From a lot to its input lots. */
        BACK("lot_number", "input_lot_number");

        final String from;
        final String to;

        Direction(String from, String to) {
            this.from = from;
            this.to = to;
        }
    }

    /** Lots reached (with their smallest depth) and whether the bound cut the walk off. */
    public record Walk(Map<String, Integer> depths, boolean truncated) {
    }

    /** Every genealogy edge: HQ's production lots and captured supplier transformations. */
    static final String EDGES = """
            (SELECT lot_number, input_lot_number FROM lot_input
             UNION ALL SELECT lot_number, input_lot_number FROM epcis_lot_edge)""";

    private final Jdbc jdbc;

    public TraceRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Walk walk(List<String> seeds, Direction direction, int maxDepth) {
        String sql = """
                WITH RECURSIVE walk(lot_number, depth) AS (
                    SELECT s, 0 FROM unnest(?::text[]) AS s
                  UNION
                    SELECT e.%2$s, w.depth + 1 FROM walk w JOIN %3$s e ON e.%1$s = w.lot_number
                    WHERE w.depth < ?
                ), reached AS (
                    SELECT lot_number, min(depth) AS depth FROM walk GROUP BY lot_number
                )
                SELECT lot_number, depth,
                       EXISTS (SELECT 1 FROM reached r JOIN %3$s e ON e.%1$s = r.lot_number
                               WHERE e.%2$s NOT IN (SELECT lot_number FROM reached)) AS truncated
                FROM reached ORDER BY depth, lot_number""".formatted(direction.from, direction.to, EDGES);
        Map<String, Integer> depths = new LinkedHashMap<>();
        boolean[] truncated = { false };
        jdbc.list(sql, rs -> {
            depths.put(rs.getString("lot_number"), rs.getInt("depth"));
            truncated[0] = rs.getBoolean("truncated");
            return null;
        }, seeds.toArray(String[]::new), maxDepth);
        return new Walk(depths, truncated[0]);
    }

    public List<Trace.LotNode> lots(Map<String, Integer> depths) {
        Map<String, Trace.LotNode> known = new LinkedHashMap<>();
        jdbc.list("SELECT lot_number, item_code, plant, produced_at FROM lot WHERE lot_number = ANY (?)", rs -> {
            String n = rs.getString("lot_number");
            known.put(n, new Trace.LotNode(n, rs.getString("item_code"), rs.getString("plant"),
                    Jdbc.instant(rs, "produced_at"), depths.get(n), true));
            return null;
        }, (Object) depths.keySet().toArray(String[]::new));
        // Lots HQ does not make: what captured supplier transformations say of them.
        Map<String, Trace.LotNode> captured = new LinkedHashMap<>();
        jdbc.list("""
                SELECT DISTINCT ON (x.lot_number) x.lot_number, x.item_code, e.biz_location, e.event_time
                FROM epcis_lot_edge x JOIN epcis_event e ON e.event_pk = x.event_pk
                WHERE x.lot_number = ANY (?) ORDER BY x.lot_number, e.event_time""", rs -> {
            String n = rs.getString("lot_number");
            captured.put(n, new Trace.LotNode(n, rs.getString("item_code"), rs.getString("biz_location"),
                    Jdbc.instant(rs, "event_time"), depths.get(n), false));
            return null;
        }, (Object) depths.keySet().toArray(String[]::new));
        List<Trace.LotNode> nodes = new ArrayList<>();
        depths.forEach((lot, depth) -> nodes.add(known.getOrDefault(lot, captured.getOrDefault(lot,
                new Trace.LotNode(lot, null, null, null, depth, false)))));
        return nodes;
    }

    /** Production events whose output lot is in the set, with only the inputs inside the set. */
    public List<Trace.Transformation> transformations(List<String> lots) {
        Map<String, Trace.Transformation> byOutput = new LinkedHashMap<>();
        jdbc.list("""
                SELECT l.lot_number, l.item_code, l.produced_at, l.plant, i.input_lot_number, i.quantity, il.item_code AS input_item
                FROM lot l JOIN lot_input i ON i.lot_number = l.lot_number
                LEFT JOIN lot il ON il.lot_number = i.input_lot_number
                WHERE l.lot_number = ANY (?) AND i.input_lot_number = ANY (?)
                ORDER BY l.lot_number, i.input_lot_number""", rs -> {
            String output = rs.getString("lot_number");
            Trace.Transformation t = byOutput.get(output);
            if (t == null) {
                t = new Trace.Transformation(output, rs.getString("item_code"), Jdbc.instant(rs, "produced_at"),
                        rs.getString("plant"), new ArrayList<>(), null);
                byOutput.put(output, t);
            }
            t.inputs().add(new Trace.Quantity(rs.getString("input_lot_number"), rs.getString("input_item"),
                    rs.getLong("quantity")));
            return null;
        }, lots.toArray(String[]::new), lots.toArray(String[]::new));
        Map<String, Trace.Transformation> byEvent = new LinkedHashMap<>();
        jdbc.list("""
                SELECT e.event_id, e.event_time, e.biz_location, x.lot_number, x.item_code, x.input_lot_number,
                       x.input_item_code, x.quantity
                FROM epcis_lot_edge x JOIN epcis_event e ON e.event_pk = x.event_pk
                WHERE x.lot_number = ANY (?) AND x.input_lot_number = ANY (?)
                ORDER BY e.event_time, e.event_id, x.lot_number, x.input_lot_number""", rs -> {
            String key = rs.getString("event_id") + "\n" + rs.getString("lot_number");
            Trace.Transformation t = byEvent.computeIfAbsent(key, k -> {
                try {
                    return new Trace.Transformation(rs.getString("lot_number"), rs.getString("item_code"),
                            Jdbc.instant(rs, "event_time"), rs.getString("biz_location"), new ArrayList<>(),
                            rs.getString("event_id"));
                } catch (java.sql.SQLException e) {
                    throw Jdbc.failure("captured transformation", e);
                }
            });
            java.math.BigDecimal q = rs.getBigDecimal("quantity");
            t.inputs().add(new Trace.Quantity(rs.getString("input_lot_number"), rs.getString("input_item_code"),
                    q == null ? 0 : q.longValue()));
            return null;
        }, lots.toArray(String[]::new), lots.toArray(String[]::new));
        List<Trace.Transformation> all = new ArrayList<>();
        for (Trace.Transformation t : byOutput.values()) {
            all.add(new Trace.Transformation(t.outputLot(), t.itemCode(), t.producedAt(), t.plant(),
                    List.copyOf(t.inputs()), null));
        }
        for (Trace.Transformation t : byEvent.values()) {
            all.add(new Trace.Transformation(t.outputLot(), t.itemCode(), t.producedAt(), t.plant(),
                    List.copyOf(t.inputs()), t.eventId()));
        }
        return all;
    }

    /** Captured ObjectEvents / TransactionEvents (not declared erroneous) that carried any of the lots. */
    public List<Trace.Movement> movementsOfLots(List<String> lots) {
        Map<String, List<Trace.Quantity>> carried = new LinkedHashMap<>();
        Map<String, Trace.Movement> byEvent = new LinkedHashMap<>();
        jdbc.list("""
                SELECT e.event_id, e.event_type, e.event_time, e.biz_step, e.biz_location, m.lot_number, m.item_code,
                       m.quantity,
                       (SELECT array_agg(value ORDER BY value) FROM epcis_event_ref r WHERE r.event_pk = e.event_pk AND r.role LIKE 'source:%') AS sources,
                       (SELECT array_agg(value ORDER BY value) FROM epcis_event_ref r WHERE r.event_pk = e.event_pk AND r.role LIKE 'dest:%') AS destinations,
                       (SELECT array_agg(value ORDER BY value) FROM epcis_event_ref r WHERE r.event_pk = e.event_pk AND r.role LIKE 'bt:%') AS transactions
                FROM epcis_lot_movement m JOIN epcis_event e ON e.event_pk = m.event_pk
                WHERE m.lot_number = ANY (?) ORDER BY e.event_time, e.event_id""", rs -> {
            String id = rs.getString("event_id");
            if (!byEvent.containsKey(id)) {
                byEvent.put(id, new Trace.Movement(id, rs.getString("event_type"), Jdbc.instant(rs, "event_time"),
                        rs.getString("biz_step"), rs.getString("biz_location"), strings(rs, "sources"),
                        strings(rs, "destinations"), strings(rs, "transactions"), List.of()));
            }
            java.math.BigDecimal q = rs.getBigDecimal("quantity");
            carried.computeIfAbsent(id, k -> new ArrayList<>()).add(new Trace.Quantity(rs.getString("lot_number"),
                    rs.getString("item_code"), q == null ? 0 : q.longValue()));
            return null;
        }, (Object) lots.toArray(String[]::new));
        List<Trace.Movement> result = new ArrayList<>();
        byEvent.values().forEach(m -> result.add(new Trace.Movement(m.eventId(), m.eventType(), m.eventTime(),
                m.bizStep(), m.bizLocation(), m.sources(), m.destinations(), m.bizTransactions(),
                List.copyOf(carried.get(m.eventId())))));
        return result;
    }

    private static List<String> strings(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Array a = rs.getArray(column);
        return a == null ? List.of() : List.of((String[]) a.getArray());
    }

    /** Shipments that carried any of the lots (only those lines). */
    public List<Trace.Shipping> shipmentsOfLots(List<String> lots) {
        return shipments("""
                SELECT s.shipment_id, s.store_code, s.shipped_at, l.lot_number, l.item_code, l.quantity
                FROM shipment s JOIN shipment_line l ON l.shipment_id = s.shipment_id
                WHERE l.lot_number = ANY (?) ORDER BY s.shipped_at, s.shipment_id, l.line_no""",
                (Object) lots.toArray(String[]::new));
    }

    public List<Trace.Shipping> shipmentsOfOrder(String orderId) {
        return shipments("""
                SELECT s.shipment_id, s.store_code, s.shipped_at, l.lot_number, l.item_code, l.quantity
                FROM shipment s JOIN shipment_line l ON l.shipment_id = s.shipment_id
                WHERE s.shipment_id IN (SELECT shipment_id FROM shipment_order WHERE order_id = ?)
                ORDER BY s.shipped_at, s.shipment_id, l.line_no""", orderId);
    }

    /** Shipments to a store on a calendar day in Japan time. */
    public List<Trace.Shipping> shipmentsToStoreOn(String storeCode, LocalDate date) {
        return shipments("""
                SELECT s.shipment_id, s.store_code, s.shipped_at, l.lot_number, l.item_code, l.quantity
                FROM shipment s JOIN shipment_line l ON l.shipment_id = s.shipment_id
                WHERE s.store_code = ? AND (s.shipped_at AT TIME ZONE 'Asia/Tokyo')::date = ?
                ORDER BY s.shipped_at, s.shipment_id, l.line_no""", storeCode, date);
    }

    private List<Trace.Shipping> shipments(String sql, Object... params) {
        Map<String, Trace.Shipping> byId = new LinkedHashMap<>();
        jdbc.list(sql, rs -> {
            String id = rs.getString("shipment_id");
            Trace.Shipping s = byId.get(id);
            if (s == null) {
                s = new Trace.Shipping(id, rs.getString("store_code"), Jdbc.instant(rs, "shipped_at"), new ArrayList<>(),
                        new ArrayList<>());
                byId.put(id, s);
            }
            s.lots().add(new Trace.Quantity(rs.getString("lot_number"), rs.getString("item_code"), rs.getLong("quantity")));
            return null;
        }, params);
        // The orders of all shipments in one query: a recall's forward trace reaches about a
        // thousand shipments, and one query each would dominate its time.
        Map<String, List<String>> orders = new LinkedHashMap<>();
        if (!byId.isEmpty()) {
            jdbc.list("SELECT shipment_id, order_id FROM shipment_order WHERE shipment_id = ANY (?) ORDER BY order_id",
                    rs -> orders.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)),
                    (Object) byId.keySet().toArray(String[]::new));
        }
        List<Trace.Shipping> result = new ArrayList<>();
        for (Trace.Shipping s : byId.values()) {
            result.add(new Trace.Shipping(s.shipmentId(), s.destinationStore(), s.shippedAt(),
                    orders.getOrDefault(s.shipmentId(), List.of()), List.copyOf(s.lots())));
        }
        return result;
    }

    public boolean lotMentioned(String lotNumber) {
        return jdbc.one("""
                SELECT 1 WHERE EXISTS (SELECT 1 FROM lot WHERE lot_number = ?)
                   OR EXISTS (SELECT 1 FROM lot_input WHERE input_lot_number = ?)
                   OR EXISTS (SELECT 1 FROM shipment_line WHERE lot_number = ?)
                   OR EXISTS (SELECT 1 FROM epcis_lot_edge WHERE lot_number = ? OR input_lot_number = ?)
                   OR EXISTS (SELECT 1 FROM epcis_lot_movement WHERE lot_number = ?)""", rs -> 1,
                lotNumber, lotNumber, lotNumber, lotNumber, lotNumber, lotNumber).isPresent();
    }
}
