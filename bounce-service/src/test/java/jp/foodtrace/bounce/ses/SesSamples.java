package jp.foodtrace.bounce.ses;

import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** SES notifications in the form SES documents them, wrapped in SNS envelopes as SNS posts them. */
public final class SesSamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SesSamples() {
    }

    public static String permanentBounce(String recipient, String diagnostic) {
        return """
                {"notificationType":"Bounce",
                 "bounce":{"bounceType":"Permanent","bounceSubType":"General",
                   "bouncedRecipients":[{"emailAddress":"%s","action":"failed","status":"5.1.1",
                     "diagnosticCode":"%s"}],
                   "timestamp":"2026-11-28T05:16:00.000Z","feedbackId":"0100019-bounce","reportingMTA":"dsn; a8-70.smtp-out.amazonses.com"},
                 "mail":{"timestamp":"2026-11-28T05:15:59.000Z","source":"no-reply@mail.foodtrace.jp",
                   "messageId":"0100019abc-ses-message-id","destination":["%s"]}}""".formatted(recipient, diagnostic, recipient);
    }

    public static String transientBounce(String recipient) {
        return """
                {"notificationType":"Bounce",
                 "bounce":{"bounceType":"Transient","bounceSubType":"MailboxFull",
                   "bouncedRecipients":[{"emailAddress":"%s"}],
                   "timestamp":"2026-11-28T05:16:00.000Z","feedbackId":"0100019-transient"},
                 "mail":{"timestamp":"2026-11-28T05:15:59.000Z","source":"no-reply@mail.foodtrace.jp",
                   "messageId":"0100019def-ses-message-id","destination":["%s"]}}""".formatted(recipient, recipient);
    }

    public static String complaint(String recipient) {
        return """
                {"notificationType":"Complaint",
                 "complaint":{"userAgent":"Yahoo!-Mail-Feedback/2.0","complainedRecipients":[{"emailAddress":"%s"}],
                   "complaintFeedbackType":"abuse","arrivalDate":"2026-11-28T06:00:00.000Z",
                   "timestamp":"2026-11-28T06:00:01.000Z","feedbackId":"0100019-complaint"},
                 "mail":{"timestamp":"2026-11-28T05:15:59.000Z","source":"no-reply@mail.foodtrace.jp",
                   "messageId":"0100019ghi-ses-message-id","destination":["%s"]}}""".formatted(recipient, recipient);
    }

    /** An SNS Notification envelope around an SES notification, with a fresh MessageId. */
    public static String sns(String sesMessage) {
        return sns(UUID.randomUUID().toString(), sesMessage);
    }

    public static String sns(String messageId, String sesMessage) {
        ObjectNode n = JSON.createObjectNode();
        n.put("Type", "Notification");
        n.put("MessageId", messageId);
        n.put("TopicArn", "arn:aws:sns:us-west-2:123456789012:ses-notifications");
        n.put("Message", sesMessage);
        n.put("Timestamp", "2026-11-28T05:16:01.000Z");
        n.put("SignatureVersion", "1");
        n.put("Signature", "EXAMPLE");
        n.put("SigningCertURL", "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-example.pem");
        n.put("UnsubscribeURL", "https://sns.us-west-2.amazonaws.com/?Action=Unsubscribe");
        return n.toString();
    }

    public static String subscriptionConfirmation() {
        ObjectNode n = JSON.createObjectNode();
        n.put("Type", "SubscriptionConfirmation");
        n.put("MessageId", UUID.randomUUID().toString());
        n.put("Token", "2336412f37fb687f5d51e6e2425c464de12884c");
        n.put("TopicArn", "arn:aws:sns:us-west-2:123456789012:ses-notifications");
        n.put("Message", "You have chosen to subscribe to the topic. To confirm, visit the SubscribeURL.");
        n.put("SubscribeURL", "https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&Token=2336412f37");
        n.put("Timestamp", "2026-11-28T05:16:01.000Z");
        n.put("SignatureVersion", "1");
        n.put("Signature", "EXAMPLE");
        n.put("SigningCertURL", "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-example.pem");
        return n.toString();
    }
}
