package jp.foodtrace.gateway.order.rest;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import jp.foodtrace.gateway.access.service.AdminAuth;
import jp.foodtrace.gateway.order.repository.SubmissionRepository;
import jp.foodtrace.rest.ProblemException;

/**
 * Ops view of the order events the relay parked because Kafka can never take them: each is a
 * receipt a terminal holds for an order that has not reached HQ. Once the cause is fixed (a larger
 * {@code max.request.size} or {@code max.message.bytes}, say), requeue moves the row back into the
 * outbox and the relay publishes it under its original event id.
 */
@Path("/v1/ops/outbox/parked")
@Tag(name = "admin", description = "Terminal registry and fleet operations")
@Produces(MediaType.APPLICATION_JSON)
public class ParkedOrderResource {

    private static final Logger LOG = Logger.getLogger(ParkedOrderResource.class);
    private static final int MAX_LIMIT = 1000;

    private final SubmissionRepository receipts;
    private final AdminAuth admin;

    public ParkedOrderResource(SubmissionRepository receipts, AdminAuth admin) {
        this.receipts = receipts;
        this.admin = admin;
    }

    /** The answer to a requeue. */
    public record Requeued(UUID receiptId, String status) {
    }

    @GET
    @Operation(summary = "Order events parked by the relay (never published), oldest parking first")
    public List<OrderViews.ParkedOrder> list(@HeaderParam("Authorization") String authorization,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        admin.require(authorization);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("invalid-limit", "limit must be 1.." + MAX_LIMIT);
        }
        return receipts.parked(limit).stream().map(OrderViews.ParkedOrder::of).toList();
    }

    @POST
    @Path("/{receiptId}/requeue")
    @Operation(summary = "Move a parked order event back into the outbox; the relay publishes it on its next round")
    public Requeued requeue(@HeaderParam("Authorization") String authorization,
            @PathParam("receiptId") String receiptId) {
        admin.require(authorization);
        UUID id;
        try {
            id = UUID.fromString(receiptId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-receipt-id", "not a receipt id: " + receiptId);
        }
        if (!receipts.requeue(id)) {
            throw ProblemException.notFound("no parked order event for receipt " + receiptId);
        }
        LOG.warnf("parked order event of receipt %s requeued by ops", id);
        return new Requeued(id, "REQUEUED");
    }
}
