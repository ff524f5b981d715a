package jp.foodtrace.bounce.ingest.repository;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.bounce.ingest.InboundObject;
import jp.foodtrace.data.Jdbc;

/**
 * The {@code inbound_object} table (one row per object key + ETag, the claim and the outcome) and
 * the {@code ingest_position} of the listing.
 */
@ApplicationScoped
public class InboundObjectRepository {

    private final Jdbc jdbc;

    public InboundObjectRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
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
        return jdbc.update(sql, key, etag, size, instance, lease.toMillis() / 1000.0) == 1;
    }

    /** Gives a claim back after a failure that may pass (S3 or broker unavailable), so the next poll retries. */
    public void release(String key, String etag, String instance) {
        jdbc.update("DELETE FROM inbound_object WHERE object_key = ? AND etag = ? AND state = 'claimed' AND claimed_by = ?",
                key, etag, instance);
    }

    /** Marks a claimed object done; in the transaction that stored its facts. False if the claim was lost. */
    public boolean finish(String key, String etag, String instance, String outcome, String detail, int facts,
            String movedTo) {
        String sql = """
                UPDATE inbound_object SET state = 'done', outcome = ?, detail = ?, facts = ?, moved_to = ?,
                    finished_at = now()
                WHERE object_key = ? AND etag = ? AND state = 'claimed' AND claimed_by = ?""";
        return jdbc.update(sql, outcome, detail, facts, movedTo, key, etag, instance) == 1;
    }

    public Optional<InboundObject> find(String key, String etag) {
        String sql = """
                SELECT object_key, etag, size_bytes, state, outcome, detail, facts, moved_to
                FROM inbound_object WHERE object_key = ? AND etag = ?""";
        return jdbc.one(sql, rs -> new InboundObject(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8)), key, etag);
    }

    /** Where the current listing pass stands ("" at the start of a pass). */
    public String position(String bucket, String prefix) {
        return jdbc.one("SELECT start_after FROM ingest_position WHERE bucket = ? AND prefix = ?",
                rs -> rs.getString(1), bucket, prefix).orElse("");
    }

    public void savePosition(String bucket, String prefix, String startAfter) {
        String sql = """
                INSERT INTO ingest_position (bucket, prefix, start_after) VALUES (?, ?, ?)
                ON CONFLICT (bucket, prefix) DO UPDATE SET start_after = EXCLUDED.start_after, updated_at = now()""";
        jdbc.update(sql, bucket, prefix, startAfter);
    }
}
