package jp.foodtrace.sync.messaging.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.sync.access.AdminOnly;
import jp.foodtrace.sync.messaging.Outbox;

/**
 * Ops view of the outbox events the relay parked because Kafka can never take them. Once the
 * cause is fixed (a larger {@code max.request.size} or {@code max.message.bytes}, a channel for
 * the topic), requeue moves the event back into the outbox under its event id and the relay
 * publishes it after the events already waiting.
 */
@Path("/v1/ops/outbox/parked")
@AdminOnly
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
public class ParkedEventResource {

    private static final Logger LOG = Logger.getLogger(ParkedEventResource.class);
    private static final int MAX_LIMIT = 1000;

    /** A parked event as ops see it (the payload stays in the database). */
    public record ParkedEventView(UUID eventId, long outboxId, String topic, String key, String type,
            Instant occurredAt, int payloadBytes, String reason, String detail, Instant parkedAt) {

        static ParkedEventView of(Outbox.Parked p) {
            return new ParkedEventView(p.eventId(), p.outboxId(), p.topic(), p.key(), p.type(), p.occurredAt(),
                    p.payloadBytes(), p.reason(), p.detail(), p.parkedAt());
        }
    }

    /** The answer to a requeue. */
    public record Requeued(UUID eventId, String status) {
    }

    private final Outbox outbox;

    public ParkedEventResource(Outbox outbox) {
        this.outbox = outbox;
    }

    @GET
    @Operation(summary = "Outbox events parked by the relay (never published), oldest parking first")
    public List<ParkedEventView> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("invalid-limit", "limit must be 1.." + MAX_LIMIT);
        }
        return outbox.parked(limit).stream().map(ParkedEventView::of).toList();
    }

    @POST
    @Path("/{eventId}/requeue")
    @Operation(summary = "Move a parked event back into the outbox; the relay publishes it on its next pass")
    @APIResponse(responseCode = "200", description = "requeued")
    @APIResponse(responseCode = "404", description = "no such parked event")
    public Requeued requeue(@PathParam("eventId") String eventId) {
        UUID id;
        try {
            id = UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-event-id", "not an event id: " + eventId);
        }
        if (!outbox.requeue(id)) {
            throw ProblemException.notFound("no parked event " + eventId);
        }
        LOG.warnf("parked outbox event %s requeued by ops", id);
        return new Requeued(id, "REQUEUED");
    }
}
