package jp.foodtrace.mail.rest;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.foodtrace.mail.service.MailIntake;
import jp.foodtrace.mail.repository.MailLogRepository;

/** Mail requests over REST: the same intake as the {@code mail.requests.v1} topic. */
@Path("/v1/mail/requests")
@Tag(name = "Mail requests")
public class MailRequestResource {

    private final MailIntake intake;
    private final MailLogRepository log;

    public MailRequestResource(MailIntake intake, MailLogRepository log) {
        this.intake = intake;
        this.log = log;
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
    public Response request(MailRequestBody body) {
        if (body == null) {
            throw new ProblemException(Problem.of(400, "invalid-field", "Invalid mail request", "the body is missing"));
        }
        MailIntake.Accepted accepted = intake.accept(body.requestId(), body.recipient(), body.templateId(),
                body.locale(), body.category(), body.parameters(), MailIntake.ORIGIN_REST);
        return Response.status(accepted.created() ? 202 : 200)
                .location(URI.create("/v1/mail/requests/" + accepted.entry().requestId()))
                .entity(MailRequestView.of(accepted.entry()))
                .build();
    }

    @GET
    @Path("/{requestId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where a mail request stands")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MailRequestView.class)))
    @APIResponse(responseCode = "404", description = "unknown-request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MailRequestView get(@PathParam("requestId") String requestId) {
        return log.find(requestId).map(MailRequestView::of).orElseThrow(() -> new ProblemException(
                Problem.of(404, "unknown-request", "Unknown mail request", "no request " + requestId)));
    }
}
