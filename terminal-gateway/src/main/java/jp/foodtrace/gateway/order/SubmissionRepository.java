package jp.foodtrace.gateway.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
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

    /**
     * Inserts the receipt unless (terminal, sequence) exists. A concurrent insert of the same
     * pair on another instance waits on the unique key until that transaction ends.
     */
    public boolean insert(Submission s) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO submission (receipt_id, terminal_id, sequence, fingerprint, store_code, received_at, status)
                        VALUES (?, ?, ?, ?, ?, ?, 'RECEIVED')
                        ON CONFLICT (terminal_id, sequence) DO NOTHING""")) {
            insert.setObject(1, s.receiptId());
            insert.setString(2, s.terminalId());
            insert.setLong(3, s.sequence());
            insert.setString(4, s.fingerprint());
            insert.setString(5, s.storeCode());
            insert.setTimestamp(6, Timestamp.from(s.receivedAt()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("receipt insert failed", e);
        }
    }

    public Optional<Submission> find(String terminalId, long sequence) {
        return query("WHERE terminal_id = ? AND sequence = ?", ps -> {
            ps.setString(1, terminalId);
            ps.setLong(2, sequence);
        });
    }

    public Optional<Submission> find(UUID receiptId) {
        return query("WHERE receipt_id = ?", ps -> ps.setObject(1, receiptId));
    }

    /** Moves the status forward; returns false when the receipt is unknown or the status is older. */
    public boolean updateStatus(UUID receiptId, String status, String detailJson, java.time.Instant at) {
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

    private Optional<Submission> query(String where, Binder binder) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("""
                        SELECT receipt_id, terminal_id, sequence, fingerprint, store_code, received_at, status,
                               status_detail::text, updated_at
                        FROM submission
                        """ + where)) {
            binder.bind(q);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp updated = rs.getTimestamp(9);
                return Optional.of(new Submission(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
                        rs.getString(8), updated == null ? null : updated.toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("receipt query failed", e);
        }
    }
}
