package jp.foodtrace.mail.suppression.rest;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.micrometer.core.instrument.MeterRegistry;
import jp.foodtrace.mail.request.service.MailRequestValidator;
import jp.foodtrace.mail.sender.CallingSender;
import jp.foodtrace.mail.sender.rest.SenderFilter;
import jp.foodtrace.mail.suppression.BounceFact;
import jp.foodtrace.mail.suppression.service.SuppressionService;
import jp.foodtrace.rest.Problem;
import jp.foodtrace.rest.ProblemException;

/** Ops list of the bounce and complaint facts received, by how they matched our mail (operators only). */
@Path("/v1/mail/bounces")
@Tag(name = "Bounces")
public class BounceFactResource {

    private static final Set<String> MATCHES = Set.of(BounceFact.MATCH_MESSAGE_ID, BounceFact.MATCH_RECIPIENT_WINDOW,
            BounceFact.UNMATCHED);
    private static final int MAX_LIMIT = 1000;

    private final SuppressionService suppressions;
    private final CallingSender calling;
    private final MeterRegistry meters;

    public BounceFactResource(SuppressionService suppressions, CallingSender calling, MeterRegistry meters) {
        this.suppressions = suppressions;
        this.calling = calling;
        this.meters = meters;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Bounce and complaint facts by match, newest first",
            description = "unmatched: facts that named no mail we sent (forged complaints, bounces of mail we never "
                    + "sent); recorded, suppressed nothing.")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = BounceFact.class)))
    @APIResponse(responseCode = "400", description = "invalid-field (unknown match, limit out of range)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "unauthenticated",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "operator-only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<BounceFact> list(
            @Parameter(description = "message-id, recipient-window or unmatched (default)") @QueryParam("match") @DefaultValue("unmatched") String match,
            @Parameter(description = "At most this many (1..1000, default 100)") @QueryParam("limit") @DefaultValue("100") int limit) {
        if (!calling.get().operator()) {
            throw SenderFilter.forbidden(meters, "operator-only", "only an operator reads the bounce facts");
        }
        if (!MATCHES.contains(match)) {
            throw ProblemException.badRequest(MailRequestValidator.INVALID_FIELD,
                    "match must be message-id, recipient-window or unmatched");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest(MailRequestValidator.INVALID_FIELD, "limit must be 1.." + MAX_LIMIT);
        }
        return suppressions.facts(match, limit);
    }
}
