package jp.foodtrace.sync.recall.rest;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.sync.access.CallingClient;
import jp.foodtrace.sync.access.RequiresScope;
import jp.foodtrace.sync.access.Scope;
import jp.foodtrace.sync.messaging.OutboxRelay;
import jp.foodtrace.sync.recall.Recall;
import jp.foodtrace.sync.recall.service.RecallService;

/** Recalls of a lot: start one (notices to every affected store), list them, read one. */
@Path("/v1/recalls")
@RequiresScope(Scope.RECALL_WRITE)
@Tag(name = "recalls")
@Produces(MediaType.APPLICATION_JSON)
public class RecallResource {

    /** A recall request; {@code recallId} is optional and makes a retry safe. */
    public record NewRecall(String recallId, String lotNumber, String reason) {
    }

    /** A recall as the API shows it. */
    public record RecallView(String recallId, String lotNumber, String reason, String requestedBy, boolean truncated,
            String createdAt, List<NoticeView> notices) {

        /**
         * One store's notice: {@code status} REQUESTED or NO_CONTACT; {@code delivery} what became of
         * the mail (SENT, BOUNCED, SUPPRESSED, FAILED, or UNKNOWN: mail-service could not tell, or no
         * outcome yet), null for NO_CONTACT; {@code deliveryReason} mail-service's reason.
         */
        public record NoticeView(String storeCode, String recipient, String requestId, String status, String delivery,
                String deliveryReason) {
        }

        static RecallView of(Recall r) {
            return new RecallView(r.recallId(), r.lotNumber(), r.reason(), r.requestedBy(), r.truncated(),
                    r.createdAt().toString(), r.notices().stream()
                            .map(n -> new NoticeView(n.storeCode(), n.recipient(), n.requestId(), n.status(),
                                    "NO_CONTACT".equals(n.status()) ? null : n.delivery() == null ? "UNKNOWN" : n.delivery(),
                                    n.deliveryReason()))
                            .toList());
        }
    }

    private final RecallService recalls;
    private final OutboxRelay relay;
    private final CallingClient calling;

    public RecallResource(RecallService recalls, OutboxRelay relay, CallingClient calling) {
        this.recalls = recalls;
        this.relay = relay;
        this.calling = calling;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recall a lot: trace it forward and send a recall notice to each affected store's contact")
    @APIResponse(responseCode = "201", description = "recall started; notices requested")
    @APIResponse(responseCode = "200", description = "a recall with this id exists; nothing was sent again")
    @APIResponse(responseCode = "404", description = "the lot is unknown")
    public Response start(NewRecall request) {
        if (request == null || request.lotNumber() == null || request.lotNumber().isBlank()) {
            throw ProblemException.badRequest("invalid-recall", "lotNumber is required");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw ProblemException.badRequest("invalid-recall", "reason is required");
        }
        RecallService.Started started = recalls.start(request.recallId(), request.lotNumber().strip(),
                request.reason().strip(), calling.get().clientId());
        relay.awaitPublished(started.eventIds());
        return Response.status(started.created() ? 201 : 200).entity(RecallView.of(started.recall())).build();
    }

    @GET
    @Operation(summary = "The latest recalls with their notices")
    public List<RecallView> list(@QueryParam("limit") Integer limit) {
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > 500) {
            throw ProblemException.badRequest("invalid-limit", "limit must be 1..500");
        }
        return recalls.latest(n).stream().map(RecallView::of).toList();
    }

    @GET
    @Path("/{recallId}")
    @Operation(summary = "One recall with its notices")
    public RecallView get(@PathParam("recallId") String recallId) {
        return recalls.get(recallId).map(RecallView::of)
                .orElseThrow(() -> ProblemException.notFound("no recall " + recallId));
    }
}
