package jp.foodtrace.mail.unsubscribe.rest;

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

import jp.foodtrace.mail.suppression.service.SuppressionService;
import jp.foodtrace.mail.unsubscribe.service.UnsubscribeTokens;
import jp.foodtrace.rest.Problem;
import jp.foodtrace.rest.ProblemException;

/**
 * RFC 8058 one-click unsubscribe. {@code POST} (what mail providers send, with the body
 * {@code List-Unsubscribe=One-Click}) unsubscribes; {@code GET} only shows a page whose button
 * posts, because mail scanners and link previews follow links and must not unsubscribe anyone.
 */
@Path("/v1/unsubscribe/{token}")
@Tag(name = "Unsubscribe")
public class UnsubscribeResource {

    private final UnsubscribeTokens tokens;
    private final SuppressionService suppressions;

    public UnsubscribeResource(UnsubscribeTokens tokens, SuppressionService suppressions) {
        this.tokens = tokens;
        this.suppressions = suppressions;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Confirmation page with a button; changes nothing")
    @APIResponse(responseCode = "200", description = "The page with the confirm button")
    @APIResponse(responseCode = "400", description = "Forged, altered or malformed link (HTML page)")
    @APIResponse(responseCode = "410", description = "Expired link (HTML page)")
    public Response confirmPage(@PathParam("token") String token) {
        UnsubscribeTokens.Subject subject;
        try {
            subject = tokens.verify(token);
        } catch (UnsubscribeTokens.RefusedToken refused) {
            return Response.status(status(refused)).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(UnsubscribePages.error(refused.refusal())).build();
        }
        return Response.ok(UnsubscribePages.confirm(token, subject.category()),
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "One-click unsubscribe (RFC 8058)", description = "Unsubscribes the token's recipient "
            + "from the token's category. Any body is accepted; providers send List-Unsubscribe=One-Click.")
    @APIResponse(responseCode = "200", description = "Unsubscribed (also when already unsubscribed)")
    @APIResponse(responseCode = "400", description = "unsubscribe-token-invalid: forged, altered or malformed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "unsubscribe-token-expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response unsubscribe(@PathParam("token") String token) {
        UnsubscribeTokens.Subject subject;
        try {
            subject = tokens.verify(token);
        } catch (UnsubscribeTokens.RefusedToken refused) {
            String code = refused.refusal() == UnsubscribeTokens.Refusal.EXPIRED
                    ? "unsubscribe-token-expired"
                    : "unsubscribe-token-invalid";
            throw new ProblemException(Problem.of(status(refused), code, "Unsubscribe link refused", refused.getMessage()));
        }
        suppressions.unsubscribe(subject.recipient(), subject.category(), "unsubscribe-link");
        return Response.ok(UnsubscribePages.done(subject.category()), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    private static int status(UnsubscribeTokens.RefusedToken refused) {
        return refused.refusal() == UnsubscribeTokens.Refusal.EXPIRED ? 410 : 400;
    }
}
