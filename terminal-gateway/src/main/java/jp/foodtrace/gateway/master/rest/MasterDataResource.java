package jp.foodtrace.gateway.master.rest;

import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpServerRequest;
import jp.foodtrace.gateway.access.AuthenticatedTerminal;
import jp.foodtrace.gateway.access.service.TerminalAccess;
import jp.foodtrace.gateway.master.repository.MasterDataRepository;
import jp.foodtrace.rest.ProblemException;

/** Incremental master-data downloads for terminals. */
@Path("/v1/master")
@Tag(name = "master data", description = "Products and the terminal's store, changed since a version")
@Produces(MediaType.APPLICATION_JSON)
public class MasterDataResource {

    private static final int PAGE = 5000;

    private final TerminalAccess access;
    private final MasterDataRepository master;
    private final ObjectMapper json;

    public MasterDataResource(TerminalAccess access, MasterDataRepository master, ObjectMapper json) {
        this.access = access;
        this.master = master;
        this.json = json;
    }

    /**
     * A page of changes. {@code version} is the version to send as {@code since} next time;
     * {@code more} says another page is waiting.
     */
    public record Changes(long version, boolean more, List<JsonNode> items) {
    }

    @GET
    @Path("/products")
    @Operation(summary = "Products changed since a version (0 for everything)")
    public Changes products(@Context HttpServerRequest request, @QueryParam("since") @DefaultValue("0") long since) {
        access.authenticate(request);
        return page(MasterDataRepository.Kind.PRODUCT, since, null);
    }

    @GET
    @Path("/store")
    @Operation(summary = "The calling terminal's store, if changed since a version")
    public Changes store(@Context HttpServerRequest request, @QueryParam("since") @DefaultValue("0") long since) {
        AuthenticatedTerminal terminal = access.authenticate(request);
        return page(MasterDataRepository.Kind.STORE, since, terminal.storeCode());
    }

    private Changes page(MasterDataRepository.Kind kind, long since, String onlyKey) {
        if (since < 0) {
            throw ProblemException.badRequest("invalid-since", "since must be 0 or a version from an earlier download");
        }
        List<MasterDataRepository.Change> changes = master.since(kind, since, onlyKey, PAGE + 1);
        boolean more = changes.size() > PAGE;
        List<MasterDataRepository.Change> page = more ? changes.subList(0, PAGE) : changes;
        long version = page.isEmpty() ? since : page.get(page.size() - 1).version();
        List<JsonNode> items = page.stream().map(c -> {
            try {
                return json.readTree(c.document());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("stored master document unreadable", e);
            }
        }).toList();
        return new Changes(version, more, items);
    }
}
