package jp.foodtrace.bounce.fact.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.foodtrace.bounce.fact.repository.BounceRepository;
import jp.foodtrace.rest.OpsOnly;
import jp.foodtrace.rest.ProblemException;

/** Bounce facts by recipient and time, for support staff and mail-log lookups. */
@OpsOnly
@Path("/v1/bounces")
@Tag(name = "bounces")
public class BounceResource {

    static final Duration DEFAULT_SPAN = Duration.ofDays(30);
    static final int MAX_LIMIT = 1000;

    private final BounceRepository bounces;

    public BounceResource(BounceRepository bounces) {
        this.bounces = bounces;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Bounce facts, newest first",
            description = "Facts whose time (the reported time, else when recorded) lies in [from, to). "
                    + "Without from/to: the last 30 days.")
    @APIResponse(responseCode = "200", description = "The facts (possibly none)")
    @APIResponse(responseCode = "400", description = "A parameter is malformed (problem+json: bad-timestamp, bad-range, bad-limit)")
    public List<BounceView> find(
            @Parameter(description = "Recipient address (case-insensitive)") @QueryParam("recipient") String recipient,
            @Parameter(description = "Start, ISO-8601 with offset, inclusive") @QueryParam("from") String from,
            @Parameter(description = "End, ISO-8601 with offset, exclusive") @QueryParam("to") String to,
            @Parameter(description = "At most this many facts (1..1000, default 100)") @QueryParam("limit") String limit) {
        Instant end = to == null || to.isBlank() ? Instant.now() : instant("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_SPAN) : instant("from", from);
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("bad-range", "from must be before to");
        }
        int max = limit(limit);
        Optional<String> who = Optional.ofNullable(recipient).map(String::trim).filter(r -> !r.isEmpty());
        if (who.isPresent() && !who.get().contains("@")) {
            throw ProblemException.badRequest("bad-recipient", "recipient must be an e-mail address");
        }
        return bounces.find(who, start, end, max).stream().map(BounceView::of).toList();
    }

    private static Instant instant(String name, String value) {
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("bad-timestamp",
                    name + " is not an ISO-8601 date-time with offset, e.g. 2026-11-28T00:00:00Z");
        }
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return 100;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("bad-limit", "limit must be a number from 1 to " + MAX_LIMIT);
    }
}
