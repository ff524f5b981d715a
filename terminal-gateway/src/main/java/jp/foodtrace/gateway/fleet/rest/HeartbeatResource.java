package jp.foodtrace.gateway.fleet.rest;

import java.time.Instant;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerRequest;
import jp.foodtrace.gateway.access.AuthenticatedTerminal;
import jp.foodtrace.gateway.access.service.TerminalAccess;

/** Terminal heartbeats: the ops list of silent terminals is built from them (and from orders). */
@Path("/v1/heartbeat")
@Tag(name = "fleet")
public class HeartbeatResource {

    private final TerminalAccess access;

    public HeartbeatResource(TerminalAccess access) {
        this.access = access;
    }

    /** Acknowledges a heartbeat with the server time, which handhelds use to check their clock. */
    public record Ack(String terminalId, Instant serverTime) {
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tell the gateway this terminal is alive")
    public Ack beat(@Context HttpServerRequest request) {
        AuthenticatedTerminal terminal = access.authenticate(request);
        access.seen(terminal);
        return new Ack(terminal.terminalId(), Instant.now());
    }
}
