package jp.foodtrace.sync.messaging.rest;

import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.foodtrace.data.Jdbc;
import jp.foodtrace.sync.access.AdminOnly;

/**
 * How many outbox events wait for Kafka's confirmation, since when, and how many are parked: the
 * ops console's outbox panel. An event normally leaves within the relay's interval; one older than
 * that means the broker does not confirm and the relay keeps trying.
 */
@Path("/v1/ops/outbox")
@AdminOnly
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {

    /** The outbox now: events waiting, the oldest one's time (null when none waits), events parked. */
    public record OutboxState(long pending, Instant oldestPendingAt, long parked) {
    }

    private final Jdbc jdbc;

    public OutboxResource(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @GET
    @Operation(summary = "Outbox events waiting for Kafka's confirmation (count, oldest) and parked ones")
    public OutboxState state() {
        return jdbc.one("""
                SELECT count(*) AS pending, min(occurred_at) AS oldest,
                       (SELECT count(*) FROM parked_outbox_event) AS parked
                FROM outbox_event WHERE published_at IS NULL""",
                rs -> new OutboxState(rs.getLong("pending"), Jdbc.instant(rs, "oldest"), rs.getLong("parked")))
                .orElseThrow();
    }
}
