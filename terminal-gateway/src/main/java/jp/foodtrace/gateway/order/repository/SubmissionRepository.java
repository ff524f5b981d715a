package jp.foodtrace.gateway.order.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.data.Jdbc;
import jp.foodtrace.gateway.order.Submission;

/** Submission receipts: the de-duplication record of (terminal, sequence), shared by all gateway instances. */
@ApplicationScoped
public class SubmissionRepository {

    /** Status order: a status never moves back (a late ACCEPTED does not undo SHIPPED). */
    public static final List<String> STATUS_RANK = List.of("RECEIVED", "ACCEPTED", "REJECTED", "SHIPPED");

    private final Jdbc jdbc;

    public SubmissionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A receipt to insert together with the order event it stands for and its trace (null for none). */
    public record NewReceipt(Submission submission, String payload, String traceparent) {
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
        String[] traceparents = new String[n];
        for (int i = 0; i < n; i++) {
            Submission s = receipts.get(i).submission();
            ids[i] = s.receiptId().toString();
            terminalIds[i] = s.terminalId();
            sequences[i] = s.sequence();
            fingerprints[i] = s.fingerprint();
            stores[i] = s.storeCode();
            received[i] = s.receivedAt().toString();
            payloads[i] = receipts.get(i).payload();
            traceparents[i] = receipts.get(i).traceparent();
        }
        // One statement, so receipt and outbox row commit together: the receipts whose pair is
        // new, and the outbox rows of exactly those.
        return new HashSet<>(jdbc.list("""
                        WITH r AS (
                            SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[],
                                                 ?::text[], ?::text[])
                                     AS r(id, terminal_id, seq, fingerprint, store_code, received, payload, traceparent)
                        ), inserted AS (
                            INSERT INTO submission (receipt_id, terminal_id, sequence, fingerprint, store_code,
                                                    received_at, status)
                            SELECT r.id::uuid, r.terminal_id, r.seq, r.fingerprint, r.store_code,
                                   r.received::timestamptz, 'RECEIVED'
                            FROM r
                            ON CONFLICT (terminal_id, sequence) DO NOTHING
                            RETURNING receipt_id
                        ), outbox AS (
                            INSERT INTO submission_outbox (receipt_id, received_at, payload, traceparent)
                            SELECT r.id::uuid, r.received::timestamptz, r.payload, r.traceparent
                            FROM r JOIN inserted i ON i.receipt_id = r.id::uuid
                        )
                        SELECT receipt_id FROM inserted""", rs -> rs.getObject(1, UUID.class),
                ids, terminalIds, sequences, fingerprints, stores, received, payloads, traceparents));
    }

    /** Notes that Kafka confirmed the order events of these receipts: their outbox rows go. */
    public void markPublished(Collection<UUID> receiptIds) {
        if (receiptIds.isEmpty()) {
            return;
        }
        jdbc.update("DELETE FROM submission_outbox WHERE receipt_id = ANY (?::uuid[])",
                (Object) receiptIds.stream().map(UUID::toString).toArray(String[]::new));
    }

    /** A receipt whose order event Kafka has not confirmed yet, with the event to publish and its trace. */
    public record Unpublished(Submission submission, String payload, Optional<String> traceparent) {
    }

    /** The oldest receipts taken before {@code before} and not confirmed by Kafka, at most {@code limit}. */
    public List<Unpublished> unpublished(Instant before, int limit) {
        return jdbc.list(SELECT + """
                , o.payload, o.traceparent FROM submission_outbox o JOIN submission s ON s.receipt_id = o.receipt_id
                WHERE o.received_at < ?
                ORDER BY o.received_at LIMIT ?""", rs -> new Unpublished(read(rs), rs.getString(11),
                Optional.ofNullable(rs.getString(12))), before, limit);
    }

    /**
     * Moves a receipt's outbox row to {@code parked_submission} with the reason it can never be
     * published, in one statement. Returns false when the row was no longer in the outbox (Kafka
     * confirmed it meanwhile, or another instance parked it first).
     */
    public boolean park(UUID receiptId, String topic, String key, String reason, String detail) {
        return jdbc.update("""
                        WITH moved AS (
                            DELETE FROM submission_outbox WHERE receipt_id = ?
                            RETURNING receipt_id, received_at, payload, traceparent
                        )
                        INSERT INTO parked_submission (receipt_id, topic, event_key, received_at, payload, traceparent,
                                                       reason, detail)
                        SELECT receipt_id, ?, ?, received_at, payload, traceparent, ?, ? FROM moved
                        ON CONFLICT (receipt_id) DO UPDATE SET topic = EXCLUDED.topic, event_key = EXCLUDED.event_key,
                            received_at = EXCLUDED.received_at, payload = EXCLUDED.payload,
                            traceparent = EXCLUDED.traceparent, reason = EXCLUDED.reason,
                            detail = EXCLUDED.detail, parked_at = now()""", receiptId, topic, key, reason, detail) == 1;
    }

    /** A receipt whose order event was parked, as ops list it (without the payload, which may be large). */
    public record Parked(UUID receiptId, String terminalId, long sequence, String storeCode, String topic,
            String key, Instant receivedAt, int payloadBytes, String reason, String detail, Instant parkedAt) {
    }

    /** The parked receipts, oldest parking first, at most {@code limit}. */
    public List<Parked> parked(int limit) {
        return jdbc.list("""
                        SELECT k.receipt_id, s.terminal_id, s.sequence, s.store_code, k.topic, k.event_key,
                               k.received_at, octet_length(k.payload), k.reason, k.detail, k.parked_at
                        FROM parked_submission k JOIN submission s ON s.receipt_id = k.receipt_id
                        ORDER BY k.parked_at, k.receipt_id LIMIT ?""",
                rs -> new Parked(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), Jdbc.instant(rs, "received_at"), rs.getInt(8),
                        rs.getString(9), rs.getString(10), Jdbc.instant(rs, "parked_at")),
                limit);
    }

    /**
     * Moves a parked receipt back into the outbox, with its original receipt time, so that the
     * relay's next round publishes it. Returns false when no such receipt is parked.
     */
    public boolean requeue(UUID receiptId) {
        return jdbc.one("""
                        WITH moved AS (
                            DELETE FROM parked_submission WHERE receipt_id = ?
                            RETURNING receipt_id, received_at, payload, traceparent
                        ), queued AS (
                            INSERT INTO submission_outbox (receipt_id, received_at, payload, traceparent)
                            SELECT receipt_id, received_at, payload, traceparent FROM moved
                            ON CONFLICT (receipt_id) DO NOTHING
                        )
                        SELECT count(*) FROM moved""", rs -> rs.getLong(1), receiptId).orElseThrow() == 1;
    }

    public Optional<Submission> find(String terminalId, long sequence) {
        return jdbc.one(SELECT + " FROM submission s WHERE s.terminal_id = ? AND s.sequence = ?",
                SubmissionRepository::read, terminalId, sequence);
    }

    public Optional<Submission> find(UUID receiptId) {
        return jdbc.one(SELECT + " FROM submission s WHERE s.receipt_id = ?", SubmissionRepository::read, receiptId);
    }

    /** A status change of a receipt, as order-service reported it. */
    public record StatusChange(UUID receiptId, String status, String detailJson, Instant at) {
    }

    /**
     * Applies status changes in one statement; returns how many receipts changed. Within the
     * list, a receipt's changes are reduced first to the one that applying them in order would
     * leave (the last of the highest status), since one statement updates a row once; against
     * the stored status, a status never moves back (a late ACCEPTED does not undo SHIPPED); a
     * change for an unknown receipt is left out.
     */
    public int updateStatuses(List<StatusChange> changes) {
        Map<UUID, StatusChange> last = new LinkedHashMap<>();
        for (StatusChange change : changes) {
            if (STATUS_RANK.indexOf(change.status()) < 0) {
                throw new IllegalArgumentException("unknown status " + change.status());
            }
            last.merge(change.receiptId(), change, (before, now) ->
                    STATUS_RANK.indexOf(now.status()) >= STATUS_RANK.indexOf(before.status()) ? now : before);
        }
        int n = last.size();
        String[] ids = new String[n];
        String[] statuses = new String[n];
        String[] details = new String[n];
        String[] times = new String[n];
        Long[] ranks = new Long[n];
        int i = 0;
        for (StatusChange c : last.values()) {
            ids[i] = c.receiptId().toString();
            statuses[i] = c.status();
            details[i] = c.detailJson();
            times[i] = c.at() == null ? null : c.at().toString();
            ranks[i] = STATUS_RANK.indexOf(c.status()) + 1L;
            i++;
        }
        return jdbc.update("""
                        UPDATE submission s SET status = u.status, status_detail = u.detail::jsonb,
                            updated_at = u.at::timestamptz
                        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[])
                             AS u(receipt_id, status, detail, at, rank)
                        WHERE s.receipt_id = u.receipt_id::uuid
                          AND array_position(ARRAY['RECEIVED','ACCEPTED','REJECTED','SHIPPED'], s.status) <= u.rank""",
                ids, statuses, details, times, ranks);
    }

    private static final String SELECT = """
            SELECT s.receipt_id, s.terminal_id, s.sequence, s.fingerprint, s.store_code, s.received_at, s.status,
                   s.status_detail::text, s.updated_at,
                   NOT EXISTS (SELECT 1 FROM submission_outbox p WHERE p.receipt_id = s.receipt_id)
                   AND NOT EXISTS (SELECT 1 FROM parked_submission k WHERE k.receipt_id = s.receipt_id) AS published""";

    private static Submission read(ResultSet rs) throws SQLException {
        return new Submission(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getString(5), Jdbc.instant(rs, "received_at"), rs.getString(7), rs.getString(8),
                Jdbc.instant(rs, "updated_at"), rs.getBoolean(10));
    }
}
