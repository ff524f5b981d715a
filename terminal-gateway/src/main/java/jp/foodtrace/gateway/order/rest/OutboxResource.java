package jp.foodtrace.gateway.order.rest;

import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.foodtrace.data.Jdbc;
import jp.foodtrace.gateway.access.service.AdminAuth;

/**
 * How many order events wait in the outbox for Kafka's confirmation, since when, and how many are
 * parked: the ops console's outbox panel. A row normally leaves within the publish timeout; one
 * older than that means the broker does not confirm and the relay keeps trying.
 */
@Path("/v1/ops/outbox")
@Tag(name = "admin", description = "Terminal registry and fleet operations")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {

    /** The outbox now: rows waiting, the oldest one's time (null when none waits), rows parked. */
    public record OutboxState(long pending, Instant oldestPendingAt, long parked) {
    }

    private final Jdbc jdbc;
    private final AdminAuth admin;

    public OutboxResource(Jdbc jdbc, AdminAuth admin) {
        this.jdbc = jdbc;
        this.admin = admin;
    }

    @GET
    @Operation(summary = "Order events waiting for Kafka's confirmation (count, oldest) and parked ones")
    public OutboxState state(@HeaderParam("Authorization") String authorization) {
        admin.require(authorization);
        return jdbc.one("""
                SELECT (SELECT count(*) FROM submission_outbox) AS pending,
                       (SELECT min(received_at) FROM submission_outbox) AS oldest,
                       (SELECT count(*) FROM parked_submission) AS parked""",
                rs -> new OutboxState(rs.getLong("pending"), Jdbc.instant(rs, "oldest"), rs.getLong("parked")))
                .orElseThrow();
    }
}
