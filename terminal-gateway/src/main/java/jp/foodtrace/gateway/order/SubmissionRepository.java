package jp.foodtrace.gateway.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Submission receipts: the de-duplication record of (terminal, sequence), shared by all gateway instances. */
@ApplicationScoped
public class SubmissionRepository {

    /** Status order: a status never moves back (a late ACCEPTED does not undo SHIPPED). */
    static final List<String> STATUS_RANK = List.of("RECEIVED", "ACCEPTED", "REJECTED", "SHIPPED");

    private final DataSource dataSource;

    public SubmissionRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A receipt to insert together with the order event it stands for. */
    public record NewReceipt(Submission submission, String payload) {
    }

    /**
     * Inserts the receipts whose (terminal, sequence) is new, in one statement and one commit, and
     * returns the receipt ids that were inserted. A pair that exists (a resend, or the same sequence
     * taken a moment ago on another instance) is left alone; so is the second of two equal pairs in
     * the same call. A concurrent insert of the same pair elsewhere waits on the key until that
     * commit ends.
     */
    public Set<UUID> insertAll(List<NewReceipt> receipts) {
        int n = receipts.size();
        String[] ids = new String[n];
        String[] terminalIds = new String[n];
        Long[] sequences = new Long[n];
        String[] fingerprints = new String[n];
        String[] stores = new String[n];
        String[] received = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            Submission s = receipts.get(i).submission();
            ids[i] = s.receiptId().toString();
            terminalIds[i] = s.terminalId();
            sequences[i] = s.sequence();
            fingerprints[i] = s.fingerprint();
            stores[i] = s.storeCode();
            received[i] = s.receivedAt().toString();
            payloads[i] = receipts.get(i).payload();
        }
        // One statement, so receipt and outbox row commit together: the receipts whose pair is
        // new, and the outbox rows of exactly those.
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        WITH r AS (
                            SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[],
                                                 ?::text[])
                                     AS r(id, terminal_id, seq, fingerprint, store_code, received, payload)
                        ), inserted AS (
                            INSERT INTO submission (receipt_id, terminal_id, sequence, fingerprint, store_code,
                                                    received_at, status)
                            SELECT r.id::uuid, r.terminal_id, r.seq, r.fingerprint, r.store_code,
                                   r.received::timestamptz, 'RECEIVED'
                            FROM r
                            ON CONFLICT (terminal_id, sequence) DO NOTHING
                            RETURNING receipt_id
                        ), outbox AS (
                            INSERT INTO submission_outbox (receipt_id, received_at, payload)
                            SELECT r.id::uuid, r.received::timestamptz, r.payload
                            FROM r JOIN inserted i ON i.receipt_id = r.id::uuid
                        )
                        SELECT receipt_id FROM inserted""")) {
            insert.setArray(1, c.createArrayOf("text", ids));
            insert.setArray(2, c.createArrayOf("text", terminalIds));
            insert.setArray(3, c.createArrayOf("int8", sequences));
            insert.setArray(4, c.createArrayOf("text", fingerprints));
            insert.setArray(5, c.createArrayOf("text", stores));
            insert.setArray(6, c.createArrayOf("text", received));
            insert.setArray(7, c.createArrayOf("text", payloads));
            Set<UUID> inserted = new HashSet<>();
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getObject(1, UUID.class));
                }
            }
            return inserted;
        } catch (SQLException e) {
            throw new IllegalStateException("receipt insert failed", e);
        }
    }

    /** Notes that Kafka confirmed the order events of these receipts: their outbox rows go. */
    public void markPublished(Collection<UUID> receiptIds) {
        if (receiptIds.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM submission_outbox WHERE receipt_id = ANY (?::uuid[])")) {
            delete.setArray(1, c.createArrayOf("text", receiptIds.stream().map(UUID::toString).toArray(String[]::new)));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("published mark failed", e);
        }
    }

    /** A receipt whose order event Kafka has not confirmed yet, with the event to publish. */
    public record Unpublished(Submission submission, String payload) {
    }

    /** The oldest receipts taken before {@code before} and not confirmed by Kafka, at most {@code limit}. */
    public List<Unpublished> unpublished(Instant before, int limit) {
        List<Unpublished> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(SELECT + """
                        , o.payload FROM submission_outbox o JOIN submission s ON s.receipt_id = o.receipt_id
                        WHERE o.received_at < ?
                        ORDER BY o.received_at LIMIT ?""")) {
            q.setTimestamp(1, Timestamp.from(before));
            q.setInt(2, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    found.add(new Unpublished(read(rs), rs.getString(11)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("unpublished query failed", e);
        }
    }

    /**
     * Moves a receipt's outbox row to {@code parked_submission} with the reason it can never be
     * published, in one statement. Returns false when the row was no longer in the outbox (Kafka
     * confirmed it meanwhile, or another instance parked it first).
     */
    public boolean park(UUID receiptId, String topic, String key, String reason, String detail) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement park = c.prepareStatement("""
                        WITH moved AS (
                            DELETE FROM submission_outbox WHERE receipt_id = ?
                            RETURNING receipt_id, received_at, payload
                        )
                        INSERT INTO parked_submission (receipt_id, topic, event_key, received_at, payload, reason, detail)
                        SELECT receipt_id, ?, ?, received_at, payload, ?, ? FROM moved
                        ON CONFLICT (receipt_id) DO UPDATE SET topic = EXCLUDED.topic, event_key = EXCLUDED.event_key,
                            received_at = EXCLUDED.received_at, payload = EXCLUDED.payload, reason = EXCLUDED.reason,
                            detail = EXCLUDED.detail, parked_at = now()""")) {
            park.setObject(1, receiptId);
            park.setString(2, topic);
            park.setString(3, key);
            park.setString(4, reason);
            park.setString(5, detail);
            return park.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("parking failed", e);
        }
    }

    /** A receipt whose order event was parked, as ops list it (without the payload, which may be large). */
    public record Parked(UUID receiptId, String terminalId, long sequence, String storeCode, String topic,
            String key, Instant receivedAt, int payloadBytes, String reason, String detail, Instant parkedAt) {
    }

    /** The parked receipts, oldest parking first, at most {@code limit}. */
    public List<Parked> parked(int limit) {
        List<Parked> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("""
                        SELECT k.receipt_id, s.terminal_id, s.sequence, s.store_code, k.topic, k.event_key,
                               k.received_at, octet_length(k.payload), k.reason, k.detail, k.parked_at
                        FROM parked_submission k JOIN submission s ON s.receipt_id = k.receipt_id
                        ORDER BY k.parked_at, k.receipt_id LIMIT ?""")) {
            q.setInt(1, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    found.add(new Parked(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                            rs.getInt(8), rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant()));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("parked query failed", e);
        }
    }

    /**
     * Moves a parked receipt back into the outbox, with its original receipt time, so that the
     * relay's next round publishes it. Returns false when no such receipt is parked.
     */
    public boolean requeue(UUID receiptId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement requeue = c.prepareStatement("""
                        WITH moved AS (
                            DELETE FROM parked_submission WHERE receipt_id = ?
                            RETURNING receipt_id, received_at, payload
                        ), queued AS (
                            INSERT INTO submission_outbox (receipt_id, received_at, payload)
                            SELECT receipt_id, received_at, payload FROM moved
                            ON CONFLICT (receipt_id) DO NOTHING
                        )
                        SELECT count(*) FROM moved""")) {
            requeue.setObject(1, receiptId);
            try (ResultSet rs = requeue.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("requeue failed", e);
        }
    }

    public Optional<Submission> find(String terminalId, long sequence) {
        return query("WHERE s.terminal_id = ? AND s.sequence = ?", ps -> {
            ps.setString(1, terminalId);
            ps.setLong(2, sequence);
        });
    }

    public Optional<Submission> find(UUID receiptId) {
        return query("WHERE s.receipt_id = ?", ps -> ps.setObject(1, receiptId));
    }

    /** Moves the status forward; returns false when the receipt is unknown or the status is older. */
    public boolean updateStatus(UUID receiptId, String status, String detailJson, Instant at) {
        int rank = STATUS_RANK.indexOf(status);
        if (rank < 0) {
            throw new IllegalArgumentException("unknown status " + status);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("""
                        UPDATE submission SET status = ?, status_detail = ?::jsonb, updated_at = ?
                        WHERE receipt_id = ? AND array_position(ARRAY['RECEIVED','ACCEPTED','REJECTED','SHIPPED'], status) <= ?""")) {
            update.setString(1, status);
            update.setString(2, detailJson);
            update.setTimestamp(3, Timestamp.from(at));
            update.setObject(4, receiptId);
            update.setInt(5, rank + 1);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("status update failed", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static final String SELECT = """
            SELECT s.receipt_id, s.terminal_id, s.sequence, s.fingerprint, s.store_code, s.received_at, s.status,
                   s.status_detail::text, s.updated_at,
                   NOT EXISTS (SELECT 1 FROM submission_outbox p WHERE p.receipt_id = s.receipt_id)
                   AND NOT EXISTS (SELECT 1 FROM parked_submission k WHERE k.receipt_id = s.receipt_id) AS published""";

    private Optional<Submission> query(String where, Binder binder) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(SELECT + " FROM submission s " + where)) {
            binder.bind(q);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("receipt query failed", e);
        }
    }

    private static Submission read(ResultSet rs) throws SQLException {
        return new Submission(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8),
                instant(rs.getTimestamp(9)), rs.getBoolean(10));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
