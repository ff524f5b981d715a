package jp.foodtrace.bounce.ingest.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.bounce.ingest.InboundObject;

/**
 * The {@code inbound_object} table (one row per object key + ETag, the claim and the outcome) and
 * the {@code ingest_position} of the listing.
 */
@ApplicationScoped
public class InboundObjectRepository {

    private final DataSource dataSource;

    public InboundObjectRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims an object version for this instance: true when the row was created now, or when an
     * unfinished claim older than {@code lease} was taken over. Runs in its own short
     * transaction, so other instances see the claim at once.
     */
    public boolean claim(String key, String etag, long size, String instance, Duration lease) {
        String sql = """
                INSERT INTO inbound_object (object_key, etag, size_bytes, state, claimed_by)
                VALUES (?, ?, ?, 'claimed', ?)
                ON CONFLICT (object_key, etag) DO UPDATE SET claimed_by = EXCLUDED.claimed_by, claimed_at = now()
                WHERE inbound_object.state = 'claimed'
                  AND inbound_object.claimed_at < now() - make_interval(secs => ?)""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            ps.setString(2, etag);
            ps.setLong(3, size);
            ps.setString(4, instance);
            ps.setDouble(5, lease.toMillis() / 1000.0);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim object " + key, e);
        }
    }

    /** Gives a claim back after a failure that may pass (S3 or broker unavailable), so the next poll retries. */
    public void release(String key, String etag, String instance) {
        String sql = "DELETE FROM inbound_object WHERE object_key = ? AND etag = ? AND state = 'claimed' AND claimed_by = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            ps.setString(2, etag);
            ps.setString(3, instance);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release object " + key, e);
        }
    }

    /** Marks a claimed object done; in the transaction that stored its facts. False if the claim was lost. */
    public boolean finish(String key, String etag, String instance, String outcome, String detail, int facts,
            String movedTo) {
        String sql = """
                UPDATE inbound_object SET state = 'done', outcome = ?, detail = ?, facts = ?, moved_to = ?,
                    finished_at = now()
                WHERE object_key = ? AND etag = ? AND state = 'claimed' AND claimed_by = ?""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, outcome);
            ps.setString(2, detail);
            ps.setInt(3, facts);
            ps.setString(4, movedTo);
            ps.setString(5, key);
            ps.setString(6, etag);
            ps.setString(7, instance);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot finish object " + key, e);
        }
    }

    public Optional<InboundObject> find(String key, String etag) {
        String sql = """
                SELECT object_key, etag, size_bytes, state, outcome, detail, facts, moved_to
                FROM inbound_object WHERE object_key = ? AND etag = ?""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            ps.setString(2, etag);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new InboundObject(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read object " + key, e);
        }
    }

    /** Where the current listing pass stands ("" at the start of a pass). */
    public String position(String bucket, String prefix) {
        String sql = "SELECT start_after FROM ingest_position WHERE bucket = ? AND prefix = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, bucket);
            ps.setString(2, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ingest position", e);
        }
    }

    public void savePosition(String bucket, String prefix, String startAfter) {
        String sql = """
                INSERT INTO ingest_position (bucket, prefix, start_after) VALUES (?, ?, ?)
                ON CONFLICT (bucket, prefix) DO UPDATE SET start_after = EXCLUDED.start_after, updated_at = now()""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, bucket);
            ps.setString(2, prefix);
            ps.setString(3, startAfter);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save the ingest position", e);
        }
    }
}
