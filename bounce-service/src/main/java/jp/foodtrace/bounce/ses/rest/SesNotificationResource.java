package jp.foodtrace.bounce.ses.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import jp.foodtrace.bounce.ses.service.SesIntake;
import jp.foodtrace.bounce.ses.service.SesNotifications;
import jp.foodtrace.bounce.ses.service.SnsSignatures;
import jp.foodtrace.rest.ProblemException;

/**
 * The SNS subscription endpoint for SES bounce and complaint notifications. SNS posts its JSON
 * with {@code Content-Type: text/plain}, so both text and JSON are accepted.
 */
@Path("/v1/ses/notifications")
@Tag(name = "ses")
public class SesNotificationResource {

    private static final Logger LOG = Logger.getLogger(SesNotificationResource.class);

    private final SesIntake intake;
    private final SnsSignatures signatures;

    public SesNotificationResource(SesIntake intake, SnsSignatures signatures) {
        this.intake = intake;
        this.signatures = signatures;
    }

    /** The answer to SNS: what the notification gave. */
    public record Receipt(String messageId, String type, int found, int recorded) {
    }

    @POST
    @Consumes({ MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take an SNS message carrying an SES notification",
            description = "Type Notification: SES Bounce and Complaint notifications become bounce facts (one per "
                    + "recipient, published on mail.bounces.v1); other SES notifications are acknowledged and ignored. "
                    + "A repeat of the same SNS MessageId records nothing new. Type SubscriptionConfirmation: the "
                    + "SubscribeURL is logged for an operator to confirm; it is never fetched by the service.")
    @APIResponse(responseCode = "200", description = "Taken (or ignored): found and newly recorded facts")
    @APIResponse(responseCode = "400", description = "Not an SNS message or not a valid SES notification (problem+json: invalid-notification)")
    @APIResponse(responseCode = "403", description = "Refused (problem+json): unknown-topic, signature-version, "
            + "stale-timestamp, untrusted-url, bad-signature")
    public Receipt take(String body) {
        SesNotifications.SnsMessage message;
        try {
            message = intake.envelope(body);
        } catch (SesNotifications.InvalidNotification e) {
            throw ProblemException.badRequest("invalid-notification", e.getMessage());
        }
        SnsSignatures.Refusal refused = signatures.refusal(message);
        if (refused != null) {
            LOG.warnf("SNS message %s refused (%s): %s", message.messageId(), refused.code(), refused.detail());
            throw ProblemException.forbidden(refused.code(), refused.detail());
        }
        switch (message.type()) {
            case "Notification" -> {
                try {
                    SesIntake.Result result = intake.notification(message);
                    return new Receipt(message.messageId(), message.type(), result.found(), result.recorded());
                } catch (SesNotifications.InvalidNotification e) {
                    throw ProblemException.badRequest("invalid-notification", e.getMessage());
                }
            }
            case "SubscriptionConfirmation" -> {
                // Confirming is an operator's decision: the URL is logged, not fetched.
                LOG.warnf("SNS subscription confirmation for topic %s: confirm by visiting %s", message.topicArn(),
                        message.subscribeUrl());
                return new Receipt(message.messageId(), message.type(), 0, 0);
            }
            default -> {
                LOG.infof("SNS message %s of type %s ignored", message.messageId(), message.type());
                return new Receipt(message.messageId(), message.type(), 0, 0);
            }
        }
    }
}
