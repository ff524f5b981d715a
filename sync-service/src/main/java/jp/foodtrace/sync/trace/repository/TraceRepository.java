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

    private final Jdbc jdbc;

    public TraceRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Walk walk(List<String> seeds, Direction direction, int maxDepth) {
        String sql = """
                WITH RECURSIVE walk(lot_number, depth) AS (
                    SELECT s, 0 FROM unnest(?::text[]) AS s
                  UNION
                    SELECT e.%2$s, w.depth + 1 FROM walk w JOIN lot_input e ON e.%1$s = w.lot_number
                    WHERE w.depth < ?
                ), reached AS (
                    SELECT lot_number, min(depth) AS depth FROM walk GROUP BY lot_number
                )
                SELECT lot_number, depth,
                       EXISTS (SELECT 1 FROM reached r JOIN lot_input e ON e.%1$s = r.lot_number
                               WHERE e.%2$s NOT IN (SELECT lot_number FROM reached)) AS truncated
                FROM reached ORDER BY depth, lot_number""".formatted(direction.from, direction.to);
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
        List<Trace.LotNode> nodes = new ArrayList<>();
        depths.forEach((lot, depth) -> nodes.add(known.getOrDefault(lot,
                new Trace.LotNode(lot, null, null, null, depth, false))));
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
                        rs.getString("plant"), new ArrayList<>());
                byOutput.put(output, t);
            }
            t.inputs().add(new Trace.Quantity(rs.getString("input_lot_number"), rs.getString("input_item"),
                    rs.getLong("quantity")));
            return null;
        }, lots.toArray(String[]::new), lots.toArray(String[]::new));
        return byOutput.values().stream().map(t -> new Trace.Transformation(t.outputLot(), t.itemCode(), t.producedAt(),
                t.plant(), List.copyOf(t.inputs()))).toList();
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
                   OR EXISTS (SELECT 1 FROM shipment_line WHERE lot_number = ?)""", rs -> 1,
                lotNumber, lotNumber, lotNumber).isPresent();
    }
}
