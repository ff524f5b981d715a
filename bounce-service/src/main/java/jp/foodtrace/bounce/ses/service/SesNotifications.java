package jp.foodtrace.bounce.ses.service;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.foodtrace.bounce.analysis.reason.ReasonClassifier;
import jp.foodtrace.bounce.fact.Bounce;

/**
 * Maps SES bounce and complaint notifications, as SNS delivers them, to bounce facts. Free of
 * I/O. A Permanent bounce is hard; Transient and Undetermined are soft. The reason comes from the
 * recipient's diagnostic code when it names one (the analyzer's phrase and status rules), else
 * from SES's bounce sub-type; a complaint has the reason {@code feedback} and SES's
 * {@code complaintFeedbackType} (abuse when SES gives none).
 */
public final class SesNotifications {

    /** The SNS envelope; {@code message} is the SES notification as a JSON string. */
    public record SnsMessage(String type, String messageId, String topicArn, String subject, String message,
            String timestamp, String signatureVersion, String signature, String signingCertUrl, String subscribeUrl,
            String token, JsonNode raw) {
    }

    /** A notification that can never be taken (answered with 400). */
    public static final class InvalidNotification extends RuntimeException {
        public InvalidNotification(String message) {
            super(message, null, false, false);
        }
    }

    private static final Pattern REPLY_CODE = Pattern.compile("\\b([245][0-9][0-9])\\b");
    private static final String AGENT = "AmazonSES";

    private final ObjectMapper json;

    public SesNotifications(ObjectMapper json) {
        this.json = json;
    }

    public SnsMessage envelope(String body) {
        JsonNode node = tree(body, "body is not JSON");
        String type = text(node, "Type");
        String messageId = text(node, "MessageId");
        if (type.isEmpty() || messageId.isEmpty()) {
            throw new InvalidNotification("not an SNS message: Type and MessageId are required");
        }
        return new SnsMessage(type, messageId, text(node, "TopicArn"), node.hasNonNull("Subject") ? text(node, "Subject") : null,
                text(node, "Message"), text(node, "Timestamp"), text(node, "SignatureVersion"), text(node, "Signature"),
                text(node, "SigningCertURL"), text(node, "SubscribeURL"), text(node, "Token"), node);
    }

    /**
     * The facts in one SES notification (the SNS {@code Message}); none for other notification
     * types (Delivery, Send, ...), which carry no bounce.
     */
    public List<Bounce> facts(String snsMessageId, String sesMessage) {
        JsonNode ses = tree(sesMessage, "Message is not JSON");
        String kind = text(ses, "notificationType");
        if (kind.isEmpty()) {
            kind = text(ses, "eventType"); // SES event publishing uses eventType for the same content
        }
        String messageId = text(ses.path("mail"), "messageId");
        return switch (kind) {
            case "Bounce" -> bounces(snsMessageId, messageId, ses.path("bounce"));
            case "Complaint" -> complaints(snsMessageId, messageId, ses.path("complaint"));
            default -> List.of();
        };
    }

    private List<Bounce> bounces(String snsMessageId, String messageId, JsonNode bounce) {
        String bounceType = text(bounce, "bounceType");
        String subType = text(bounce, "bounceSubType");
        Boolean hard = "Permanent".equals(bounceType);
        Instant at = time(text(bounce, "timestamp"));
        List<Bounce> out = new ArrayList<>();
        for (JsonNode r : bounce.path("bouncedRecipients")) {
            String recipient = text(r, "emailAddress");
            if (recipient.isEmpty()) {
                throw new InvalidNotification("bounced recipient without emailAddress");
            }
            String diagnostic = text(r, "diagnosticCode");
            String status = text(r, "status");
            String action = text(r, "action");
            out.add(new Bounce(Bounce.idOf(Bounce.SES, snsMessageId, "", recipient), Bounce.SES, snsMessageId, "",
                    recipient, reason(diagnostic, subType, hard), hard, status, action.isEmpty() ? "failed" : action,
                    replyCode(diagnostic), diagnostic.isEmpty() ? "" : "SMTP", diagnostic, AGENT, "", messageId, at,
                    null));
        }
        if (out.isEmpty()) {
            throw new InvalidNotification("bounce notification without bouncedRecipients");
        }
        return out;
    }

    private List<Bounce> complaints(String snsMessageId, String messageId, JsonNode complaint) {
        String feedback = text(complaint, "complaintFeedbackType");
        Instant at = time(text(complaint, "timestamp"));
        List<Bounce> out = new ArrayList<>();
        for (JsonNode r : complaint.path("complainedRecipients")) {
            String recipient = text(r, "emailAddress");
            if (recipient.isEmpty()) {
                throw new InvalidNotification("complained recipient without emailAddress");
            }
            out.add(new Bounce(Bounce.idOf(Bounce.SES, snsMessageId, "", recipient), Bounce.SES, snsMessageId, "",
                    recipient, Bounce.FEEDBACK, null, "", "", "", "", "", AGENT,
                    feedback.isEmpty() ? "abuse" : feedback, messageId, at, null));
        }
        if (out.isEmpty()) {
            throw new InvalidNotification("complaint notification without complainedRecipients");
        }
        return out;
    }

    /** The reason in Sisimai's vocabulary: from the diagnostic text where it tells, else from SES's sub-type. */
    static String reason(String diagnostic, String subType, boolean hard) {
        if (!diagnostic.isEmpty()) {
            String found = ReasonClassifier.fromPhrase(diagnostic);
            if (!found.isEmpty() && !"undefined".equals(found)) {
                return found;
            }
        }
        return switch (subType) {
            case "NoEmail" -> "userunknown";
            case "MailboxFull" -> "mailboxfull";
            case "MessageTooLarge" -> "mesgtoobig";
            case "ContentRejected" -> "contenterror";
            case "AttachmentRejected" -> "securityerror";
            case "Suppressed", "OnAccountSuppressionList" -> "suppressed";
            default -> hard ? "undefined" : "onhold";
        };
    }

    static String replyCode(String diagnostic) {
        Matcher m = REPLY_CODE.matcher(diagnostic);
        return m.find() ? m.group(1) : "";
    }

    private JsonNode tree(String text, String problem) {
        if (text == null || text.isBlank()) {
            throw new InvalidNotification(problem);
        }
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw new InvalidNotification(problem);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidNotification(problem);
        }
    }

    private static Instant time(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidNotification("timestamp is not ISO-8601: " + value.toLowerCase(Locale.ROOT));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
