package jp.foodtrace.sync.access.rest;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.sync.access.AdminOnly;
import jp.foodtrace.sync.access.ClientSystem;
import jp.foodtrace.sync.access.Scope;
import jp.foodtrace.sync.access.service.ClientService;

/**
 * Registration of client systems, with the bootstrap admin token; a token that may have leaked is
 * rotated (new token, the old one refused at once) or its client revoked.
 */
@Path("/v1/admin/clients")
@AdminOnly
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminClientResource {

    /** Request to register a client system. */
    public record NewClient(String name, List<String> scopes) {
    }

    /** A client as listed: never its token or hash. */
    public record ClientView(String clientId, String name, List<String> scopes, Instant createdAt) {
        static ClientView of(ClientSystem client) {
            return new ClientView(client.clientId(), client.name(),
                    client.scopes().stream().map(Scope::value).sorted().toList(), client.createdAt());
        }
    }

    /** A newly registered client with its token, shown only in this answer. */
    public record RegisteredClient(String clientId, String name, List<String> scopes, String token) {
    }

    private final ClientService clients;

    public AdminClientResource(ClientService clients) {
        this.clients = clients;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a client system; the answer carries its token, shown once")
    @APIResponse(responseCode = "201", description = "registered")
    @APIResponse(responseCode = "400", description = "no name or an unknown scope")
    public Response register(NewClient request) {
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw ProblemException.badRequest("invalid-client", "name is required");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String value : request.scopes() == null ? List.<String>of() : request.scopes()) {
            scopes.add(Scope.parse(value).orElseThrow(
                    () -> ProblemException.badRequest("unknown-scope", "unknown scope " + value)));
        }
        if (scopes.isEmpty()) {
            throw ProblemException.badRequest("invalid-client", "at least one scope is required");
        }
        ClientService.Registered registered = clients.register(request.name().strip(), scopes);
        ClientView view = ClientView.of(registered.client());
        return Response.status(201)
                .entity(new RegisteredClient(view.clientId(), view.name(), view.scopes(), registered.token()))
                .build();
    }

    @GET
    @Operation(summary = "List the registered client systems")
    public List<ClientView> list() {
        return clients.list().stream().map(ClientView::of).toList();
    }

    @POST
    @Path("/{clientId}/token")
    @Operation(summary = "Issue a new token for a client; the old token is refused from now on")
    @APIResponse(responseCode = "200", description = "the new token, shown once")
    @APIResponse(responseCode = "404", description = "no such client")
    public RegisteredClient rotate(@PathParam("clientId") String clientId) {
        String token = clients.rotateToken(clientId).orElseThrow(() -> unknown(clientId));
        ClientView view = clients.list().stream().filter(c -> c.clientId().equals(clientId)).findFirst()
                .map(ClientView::of).orElseThrow(() -> unknown(clientId));
        return new RegisteredClient(view.clientId(), view.name(), view.scopes(), token);
    }

    @DELETE
    @Path("/{clientId}")
    @Operation(summary = "Revoke a client system; its token is refused from now on")
    @APIResponse(responseCode = "204", description = "revoked")
    @APIResponse(responseCode = "404", description = "no such client")
    public Response revoke(@PathParam("clientId") String clientId) {
        if (!clients.revoke(clientId)) {
            throw unknown(clientId);
        }
        return Response.noContent().build();
    }

    private static ProblemException unknown(String clientId) {
        return ProblemException.notFound("no client " + clientId);
    }
}
