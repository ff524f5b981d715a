package jp.foodtrace.gateway.terminal.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.foodtrace.gateway.access.Cidr;
import jp.foodtrace.gateway.access.service.AdminAuth;
import jp.foodtrace.gateway.access.service.TerminalAccess;
import jp.foodtrace.rest.CsvBodies;
import jp.foodtrace.gateway.terminal.Terminal;
import jp.foodtrace.gateway.terminal.repository.TerminalRepository;
import jp.foodtrace.gateway.terminal.service.CredentialHasher;
import jp.foodtrace.rest.Problem;
import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.text.Csv;

/** Terminal registry administration and fleet operations, behind the admin token. */
@Path("/v1")
@Tag(name = "admin", description = "Terminal registry and fleet operations")
@Produces(MediaType.APPLICATION_JSON)
public class TerminalAdminResource {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final TerminalRepository terminals;
    private final TerminalAccess access;
    private final AdminAuth admin;

    public TerminalAdminResource(TerminalRepository terminals, TerminalAccess access, AdminAuth admin) {
        this.terminals = terminals;
        this.access = access;
        this.admin = admin;
    }

    /** Result of an import: counts and the lines that were refused. */
    public record ImportResult(int created, int updated, List<Problem.Detail> rejected) {
    }

    /** A terminal in the silent list. */
    public record SilentTerminal(String terminalId, String storeCode, Instant lastSeenAt) {
    }

    @PUT
    @Path("/admin/terminals/{terminalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register or replace one terminal")
    public Response upsert(@HeaderParam("Authorization") String authorization, @PathParam("terminalId") String terminalId,
            TerminalRegistration registration) {
        admin.require(authorization);
        if (registration == null) {
            throw ProblemException.badRequest("invalid-registration", "body must be {storeCode, source, key}");
        }
        List<Problem.Detail> errors = new ArrayList<>();
        Terminal terminal = toTerminal(terminalId, registration.storeCode(), registration.source(), registration.key(),
                null, errors);
        if (terminal == null) {
            throw ProblemException.invalid(422, "invalid-registration", "Registration not valid",
                    "terminal " + terminalId + " was not registered", errors);
        }
        boolean created = terminals.upsert(List.of(terminal)) == 1;
        access.forget(terminalId);
        return Response.status(created ? 201 : 200)
                .entity(new SilentTerminal(terminalId, terminal.storeCode(), null)).build();
    }

    @POST
    @Path("/admin/terminals/import")
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN })
    @Operation(summary = "Bulk import of the fleet: CSV terminal_id,store_code,source,key (header line optional)")
    public ImportResult importFleet(@HeaderParam("Authorization") String authorization,
            @HeaderParam("Content-Type") MediaType contentType, byte[] body) {
        admin.require(authorization);
        List<Csv.Row> rows = CsvBodies.read(contentType, body);
        List<Terminal> valid = new ArrayList<>();
        List<Problem.Detail> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Csv.Row row : rows) {
            if (row.line() == 1 && row.field(0).equalsIgnoreCase("terminal_id")) {
                continue;
            }
            List<Problem.Detail> errors = new ArrayList<>();
            Terminal terminal = toTerminal(row.field(0), row.field(1), row.field(2), row.field(3), row.line(), errors);
            if (terminal != null && !seen.add(terminal.terminalId())) {
                errors.add(Problem.Detail.ofField(row.line(), "terminal_id", "duplicate", "terminal listed twice"));
                terminal = null;
            }
            if (terminal == null) {
                rejected.addAll(errors);
            } else {
                valid.add(terminal);
            }
        }
        int created = terminals.upsert(valid);
        valid.forEach(t -> access.forget(t.terminalId()));
        return new ImportResult(created, valid.size() - created, rejected);
    }

    @GET
    @Path("/ops/terminals/silent")
    @Operation(summary = "Terminals not heard from since a time (default: today 00:00 JST), by store")
    public List<SilentTerminal> silent(@HeaderParam("Authorization") String authorization,
            @QueryParam("since") String since) {
        admin.require(authorization);
        Instant from;
        try {
            from = since == null || since.isBlank()
                    ? LocalDate.now(JAPAN).atStartOfDay(JAPAN).toInstant()
                    : Instant.parse(since);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-since", "since must be an ISO-8601 instant, e.g. 2026-11-30T00:00:00Z");
        }
        return terminals.silentSince(from).stream()
                .map(t -> new SilentTerminal(t.terminalId(), t.storeCode(), t.lastSeenAt())).toList();
    }

    private static Terminal toTerminal(String terminalId, String storeCode, String source, String key, Integer line,
            List<Problem.Detail> errors) {
        if (terminalId == null || !terminalId.matches("[A-Za-z0-9_-]{1,64}")) {
            errors.add(Problem.Detail.ofField(line, "terminal_id", "invalid", "1-64 letters, digits, _ or -"));
        }
        if (storeCode == null || !storeCode.matches("[A-Za-z0-9_-]{1,32}")) {
            errors.add(Problem.Detail.ofField(line, "store_code", "invalid", "1-32 letters, digits, _ or -"));
        }
        Cidr cidr = null;
        try {
            cidr = Cidr.parse(source == null ? "" : source);
        } catch (IllegalArgumentException e) {
            errors.add(Problem.Detail.ofField(line, "source", "invalid", "an IP address or CIDR, e.g. 10.20.0.15"));
        }
        if (key == null || key.length() < CredentialHasher.MIN_KEY_LENGTH) {
            errors.add(Problem.Detail.ofField(line, "key", "too-short",
                    "keys must have at least " + CredentialHasher.MIN_KEY_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        String salt = CredentialHasher.newSalt();
        return new Terminal(terminalId, storeCode, cidr, salt, CredentialHasher.hash(salt, key), null);
    }
}
