package jp.foodtrace.sync.recall.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.sync.access.AdminOnly;
import jp.foodtrace.sync.recall.service.RecallService;

/**
 * Read-only view of the latest recalls and what became of each store's notice, for the ops
 * console. It takes the admin token like the other {@code /v1/ops} endpoints, so that ops need no
 * client with {@code recall:write}, a scope that can also start recalls.
 */
@Path("/v1/ops/recalls")
@AdminOnly
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
public class RecallOpsResource {

    private final RecallService recalls;

    public RecallOpsResource(RecallService recalls) {
        this.recalls = recalls;
    }

    @GET
    @Operation(summary = "The latest recalls with their per-store notices and mail outcomes (admin token)")
    public List<RecallResource.RecallView> latest(@QueryParam("limit") Integer limit) {
        int n = limit == null ? 20 : limit;
        if (n < 1 || n > 500) {
            throw ProblemException.badRequest("invalid-limit", "limit must be 1..500");
        }
        return recalls.latest(n).stream().map(RecallResource.RecallView::of).toList();
    }
}
