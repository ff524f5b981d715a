package jp.foodtrace.gateway.bench;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jp.foodtrace.gateway.config.GatewayConfig;
import jp.foodtrace.gateway.problem.Problems;

/**
 * The ingest benchmark's baseline: the same HTTP server stack and body handling as order
 * submission, without authentication, database or Kafka. Off unless
 * {@code suite.gateway.noop-endpoint=true}; answers 404 otherwise.
 */
@Path("/v1/bench/noop")
@Tag(name = "bench")
public class NoopResource {

    private final boolean enabled;

    public NoopResource(GatewayConfig config) {
        this.enabled = config.noopEndpoint();
    }

    /** The receipt-shaped answer of the no-op endpoint. */
    public record NoopReceipt(int bytes, String status) {
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Benchmark baseline: reads the body and answers 202 (only where enabled)")
    public Uni<Response> accept(byte[] body) {
        // The same threading as POST /v1/orders: body read on the event loop, work on a worker.
        return Uni.createFrom().item(() -> {
            if (!enabled) {
                throw Problems.notFound("the benchmark endpoint is off");
            }
            return Response.accepted(new NoopReceipt(body.length, "RECEIVED")).build();
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
