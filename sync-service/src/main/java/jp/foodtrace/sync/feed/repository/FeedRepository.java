package jp.foodtrace.sync.feed.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.data.Jdbc;
import jp.foodtrace.messaging.events.OrderAccepted;
import jp.foodtrace.messaging.events.OrderLine;
import jp.foodtrace.sync.feed.AcceptedOrder;
import jp.foodtrace.sync.feed.FeedOrder;

/** The feed tables: orders by position, their lines, and the clients' acknowledged positions. */
@ApplicationScoped
public class FeedRepository {

    /** Any constant: the key of the advisory lock that orders feed inserts. */
    private static final long FEED_APPEND_LOCK = 0x5f_feed_0001L;

    private final Jdbc jdbc;

    public FeedRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends orders in their order, each at the next position, and returns how many were added:
     * an order whose id is already in the feed, or earlier in the list, is left out. Needs a
     * transaction; takes the append lock once for it, so the ids read here cannot be inserted by
     * anyone else before the commit.
     */
    public List<AcceptedOrder> append(List<AcceptedOrder> orders) {
        if (orders.isEmpty()) {
            return List.of();
        }
        jdbc.one("SELECT pg_advisory_xact_lock(?)", rs -> 1, FEED_APPEND_LOCK);
        Set<String> present = new HashSet<>(jdbc.list("SELECT order_id FROM feed_order WHERE order_id = ANY (?)",
                rs -> rs.getString(1),
                (Object) orders.stream().map(a -> a.order().orderId()).distinct().toArray(String[]::new)));
        List<AcceptedOrder> added = orders.stream().filter(a -> present.add(a.order().orderId())).toList();
        jdbc.batch("""
                INSERT INTO feed_order (order_id, receipt_id, terminal_id, store_code, sequence, delivery_date, accepted_at,
                                        traceparent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                added.stream().map(a -> {
                    OrderAccepted o = a.order();
                    return new Object[] { o.orderId(), o.receiptId(), o.terminalId(), o.storeCode(), o.sequence(),
                            o.deliveryDate(), o.acceptedAt(), a.traceparent().orElse(null) };
                }).toList());
        List<Object[]> lines = new ArrayList<>();
        for (OrderAccepted order : added.stream().map(AcceptedOrder::order).toList()) {
            for (OrderLine line : order.lines()) {
                lines.add(new Object[] { order.orderId(), line.lineNo(), line.itemCode(), line.quantity(), line.unit() });
            }
        }
        jdbc.batch("INSERT INTO feed_order_line (order_id, line_no, item_code, quantity, unit) VALUES (?, ?, ?, ?, ?)",
                lines);
        return added;
    }

    public List<FeedOrder> page(long after, int limit) {
        List<Header> headers = jdbc.list("SELECT * FROM feed_order WHERE position > ? ORDER BY position LIMIT ?",
                FeedRepository::header, after, limit);
        if (headers.isEmpty()) {
            return List.of();
        }
        long last = headers.get(headers.size() - 1).position;
        Map<String, List<FeedOrder.Line>> lines = new LinkedHashMap<>();
        jdbc.list("""
                SELECT l.order_id, l.line_no, l.item_code, l.quantity, l.unit FROM feed_order_line l
                JOIN feed_order o ON o.order_id = l.order_id
                WHERE o.position > ? AND o.position <= ? ORDER BY o.position, l.line_no""",
                rs -> lines.computeIfAbsent(rs.getString("order_id"), k -> new ArrayList<>())
                        .add(new FeedOrder.Line(rs.getInt("line_no"), rs.getString("item_code"), rs.getInt("quantity"),
                                rs.getString("unit"))),
                after, last);
        return headers.stream().map(h -> new FeedOrder(h.position, h.orderId, h.receiptId, h.terminalId, h.storeCode,
                h.sequence, h.deliveryDate, h.acceptedAt, h.traceparent, List.copyOf(lines.getOrDefault(h.orderId, List.of())))).toList();
    }

    public long lastPosition() {
        return jdbc.one("SELECT coalesce(max(position), 0) AS p FROM feed_order", rs -> rs.getLong("p")).orElse(0L);
    }

    /** Orders with a position in (after, upTo]. */
    public long countBetween(long after, long upTo) {
        return jdbc.one("SELECT count(*) FROM feed_order WHERE position > ? AND position <= ?", rs -> rs.getLong(1),
                after, upTo).orElse(0L);
    }

    public Optional<Long> ackedPosition(String clientId) {
        return jdbc.one("SELECT acked_position FROM feed_cursor WHERE client_id = ?", rs -> rs.getLong(1), clientId);
    }

    /** Moves the client's acknowledged position forward (never back); returns the stored position. */
    public long ack(String clientId, long position, Instant at) {
        return jdbc.one("""
                INSERT INTO feed_cursor (client_id, acked_position, acked_at) VALUES (?, ?, ?)
                ON CONFLICT (client_id) DO UPDATE
                  SET acked_position = greatest(feed_cursor.acked_position, excluded.acked_position),
                      acked_at = excluded.acked_at
                RETURNING acked_position""", rs -> rs.getLong(1), clientId, position, at).orElseThrow();
    }

    private record Header(long position, String orderId, String receiptId, String terminalId, String storeCode,
            long sequence, LocalDate deliveryDate, Instant acceptedAt, String traceparent) {
    }

    private static Header header(ResultSet rs) throws SQLException {
        return new Header(rs.getLong("position"), rs.getString("order_id"), rs.getString("receipt_id"),
                rs.getString("terminal_id"), rs.getString("store_code"), rs.getLong("sequence"),
                rs.getObject("delivery_date", LocalDate.class), Jdbc.instant(rs, "accepted_at"),
                rs.getString("traceparent"));
    }
}
