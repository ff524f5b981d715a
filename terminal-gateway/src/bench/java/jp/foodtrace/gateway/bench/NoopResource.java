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

/**
 * The ingest benchmark's baseline: the same HTTP server stack and body handling as order
 * submission, without authentication, database or Kafka. Compiled only by the Maven profile
 * {@code bench}, so the production jar has no such endpoint.
 */
@Path("/v1/bench/noop")
@Tag(name = "bench")
public class NoopResource {

    /** The receipt-shaped answer of the no-op endpoint. */
    public record NoopReceipt(int bytes, String status) {
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Benchmark baseline: reads the body and answers 202")
    public Uni<Response> accept(byte[] body) {
        // The same threading as POST /v1/orders: body read on the event loop, work on a worker.
        return Uni.createFrom().item(() -> Response.accepted(new NoopReceipt(body.length, "RECEIVED")).build())
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
