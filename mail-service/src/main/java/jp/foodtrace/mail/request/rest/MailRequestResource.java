package jp.foodtrace.mail.request.rest;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.micrometer.core.instrument.MeterRegistry;
import jp.foodtrace.mail.request.MailLogEntry;
import jp.foodtrace.mail.request.MailStatus;
import jp.foodtrace.mail.request.repository.MailLogRepository;
import jp.foodtrace.mail.request.service.InvalidMailRequest;
import jp.foodtrace.mail.request.service.MailIntake;
import jp.foodtrace.mail.request.service.MailRequestValidator;
import jp.foodtrace.mail.sender.CallingSender;
import jp.foodtrace.mail.sender.Sender;
import jp.foodtrace.mail.sender.rest.SenderFilter;
import jp.foodtrace.rest.Problem;
import jp.foodtrace.rest.ProblemException;

/** Mail requests over REST: the same intake as the {@code mail.requests.v1} topic. */
@Path("/v1/mail/requests")
@Tag(name = "Mail requests")
public class MailRequestResource {

    private static final int MAX_LIMIT = 1000;

    private final MailIntake intake;
    private final MailLogRepository log;
    private final CallingSender calling;
    private final MeterRegistry meters;

    public MailRequestResource(MailIntake intake, MailLogRepository log, CallingSender calling, MeterRegistry meters) {
        this.intake = intake;
        this.log = log;
        this.calling = calling;
        this.meters = meters;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Request one mail", description = "Records the request; it is sent asynchronously. "
            + "A request id already known returns the existing request (200) and sends nothing more.")
    @APIResponse(responseCode = "202", description = "Recorded, will be sent",
            content = @Content(schema = @Schema(implementation = MailRequestView.class)))
    @APIResponse(responseCode = "200", description = "Already known request id; nothing new is sent",
            content = @Content(schema = @Schema(implementation = MailRequestView.class)))
    @APIResponse(responseCode = "400", description = "unknown-template, missing-parameter or invalid-field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "unauthenticated: no or unknown bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "category-not-allowed: the sender may not request this category",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response request(MailRequestBody body) {
        if (body == null) {
            throw new InvalidMailRequest(MailRequestValidator.INVALID_FIELD, "the body is missing");
        }
        MailIntake.Accepted accepted = intake.accept(body.requestId(), body.recipient(), body.templateId(),
                body.locale(), body.category(), body.parameters(), MailIntake.ORIGIN_REST, calling.get());
        return Response.status(accepted.created() ? 202 : 200)
                .location(URI.create("/v1/mail/requests/" + body.requestId()))
                .entity(MailRequestView.of(accepted.entry()))
                .build();
    }

    @GET
    @Path("/{requestId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where a mail request stands", description = "A sender reads its own requests. An operator "
            + "reads its own, else the one of that id from mail.requests.v1, or with sender=<name> another sender's.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MailRequestView.class)))
    @APIResponse(responseCode = "401", description = "unauthenticated: no or unknown bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "other-sender: only an operator reads another sender's requests",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "unknown-request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MailRequestView get(@PathParam("requestId") String requestId,
            @Parameter(description = "Operators only: whose request (default: the caller's, then the topic's)")
            @QueryParam("sender") String sender) {
        Sender caller = calling.get();
        Optional<MailLogEntry> entry;
        if (sender != null && !sender.equals(caller.name())) {
            if (!caller.operator()) {
                throw SenderFilter.forbidden(meters, "other-sender", "only an operator reads another sender's requests");
            }
            entry = log.find(sender + Sender.SCOPE_SEPARATOR + requestId);
        } else {
            entry = log.find(caller.scoped(requestId));
            if (entry.isEmpty() && caller.operator() && sender == null) {
                entry = log.find(requestId);
            }
        }
        return entry.map(MailRequestView::of).orElseThrow(() -> new ProblemException(
                Problem.of(404, "unknown-request", "Unknown mail request", "no request " + requestId)));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Requests that need ops: UNKNOWN or FAILED, oldest first (an operator sees all, a sender its own)",
            description = "UNKNOWN: the transport could not tell whether the message left (timeout or broken "
                    + "connection after the request reached SES or the relay's end of data); it was not resent. "
                    + "See the service README, section Ambiguous sends, for what to do with each.")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = MailRequestView.class)))
    @APIResponse(responseCode = "400", description = "invalid-field (status other than UNKNOWN or FAILED, limit out of range)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<MailRequestView> list(
            @Parameter(description = "UNKNOWN or FAILED") @QueryParam("status") String status,
            @Parameter(description = "At most this many (1..1000, default 100)") @QueryParam("limit") @DefaultValue("100") int limit) {
        MailStatus wanted;
        if ("UNKNOWN".equals(status)) {
            wanted = MailStatus.UNKNOWN;
        } else if ("FAILED".equals(status)) {
            wanted = MailStatus.FAILED;
        } else {
            throw ProblemException.badRequest(MailRequestValidator.INVALID_FIELD, "status must be UNKNOWN or FAILED");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest(MailRequestValidator.INVALID_FIELD, "limit must be 1.." + MAX_LIMIT);
        }
        Sender caller = calling.get();
        List<MailLogEntry> entries = caller.operator()
                ? log.needingAttention(wanted, limit)
                : log.needingAttention(wanted, caller.name(), limit);
        return entries.stream().map(MailRequestView::of).toList();
    }
}
