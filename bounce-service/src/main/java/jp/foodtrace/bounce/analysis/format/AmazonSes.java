package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.Headers;
import jp.foodtrace.bounce.analysis.mime.MailMessage;
import jp.foodtrace.bounce.analysis.reason.StatusCodes;

/**
 * Amazon SES: either its bounce mail (X-SES-Outgoing, "The following message to &lt;...&gt;
 * was undeliverable" with a delivery report whose generic 5.1.0 hides the remote answer in
 * quotes), or an SNS notification whose body is SES's JSON (Bounce, Complaint). As in Sisimai's
 * Lhost::AmazonSES.
 */
public final class AmazonSes implements BounceFormat {
    private static final Pattern GENERIC = Pattern.compile("^[45]\\.[01]\\.0$");
    private static final Pattern QUOTED = Pattern.compile("[\"'](\\d\\.\\d\\.\\d.+)['\"]");
    private static final Pattern DIAGNOSTIC = Pattern.compile("^(.+?);[ ]*(.+)$", Pattern.DOTALL);
    private static final Map<String, String> TRANSIENT = Map.of(
            "MailboxFull", "mailboxfull", "MessageTooLarge", "mesgtoobig");

    @Override
    public String name() {
        return "AmazonSES";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        Headers h = mail.headers();
        String body = mail.body();
        if (body.startsWith("{")) {
            return h.get("x-amz-sns-message-id").isEmpty() ? null : notification(body);
        }
        if (h.get("x-mailer").contains("Amazon WorkMail")
                || (h.get("x-aws-outgoing").isEmpty() && h.get("x-ses-outgoing").isEmpty())) {
            return null;
        }
        String report = mail.report();
        int start = report.indexOf("The following message to <");
        if (start < 0) {
            start = report.indexOf("An error occurred while trying to deliver the mail ");
        }
        if (start < 0) {
            return null;
        }
        List<Delivery> found = Rfc3464.fields(report.substring(start));
        if (found.isEmpty()) {
            return null;
        }
        for (Delivery d : found) {
            if (GENERIC.matcher(Deadline.guard(d.status)).matches()) {
                Matcher q = QUOTED.matcher(Deadline.guard(d.diagnosis));
                String s = StatusCodes.find(q.find() ? q.group(1) : d.diagnosis);
                d.status = s.isEmpty() ? d.status : s;
            }
            if (d.diagnosis.contains("Delivery expired")) {
                d.reason = "expired";
            }
        }
        return found;
    }

    /** SES's JSON, as SNS delivers it (wrapped in "Message") or as it is. */
    private static List<Delivery> notification(String body) {
        StringBuilder json = new StringBuilder();
        boolean folded = false;
        for (String line : body.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("--")) {
                break;
            }
            String l = folded && !line.isEmpty() ? line.substring(1) : line;
            folded = l.endsWith("!");
            json.append(folded ? l.substring(0, l.length() - 1) : l);
        }
        Object outer = Json.parse(json.toString());
        if (outer == null) {
            return null;
        }
        Object payload = outer;
        String message = Json.string(outer, "Message");
        if (!message.isEmpty()) {
            payload = Json.parse(message);
        }
        String type = Json.string(payload, "notificationType");
        List<Delivery> out = new ArrayList<>();
        if (type.equals("Bounce")) {
            Map<String, Object> bounce = Json.object(payload, "bounce");
            String reason = "Transient".equals(Json.string(bounce, "bounceType"))
                    ? TRANSIENT.getOrDefault(Json.string(bounce, "bounceSubType"), "") : "";
            for (Object r : Json.array(bounce, "bouncedRecipients")) {
                Delivery d = new Delivery(Text.address(Json.string(r, "emailAddress")));
                d.action = Json.string(r, "action");
                d.status = Json.string(r, "status");
                String code = Json.string(r, "diagnosticCode");
                Matcher m = DIAGNOSTIC.matcher(Deadline.guard(code));
                if (m.matches()) {
                    d.diagnosticType = m.group(1).toUpperCase(java.util.Locale.ROOT);
                    d.diagnosis = m.group(2);
                } else {
                    d.diagnosis = code;
                }
                d.reason = reason;
                d.date = Json.string(bounce, "timestamp");
                out.add(d);
            }
        } else if (type.equals("Complaint")) {
            Map<String, Object> complaint = Json.object(payload, "complaint");
            for (Object r : Json.array(complaint, "complainedRecipients")) {
                Delivery d = new Delivery(Text.address(Json.string(r, "emailAddress")));
                d.reason = "feedback";
                d.feedbackType = Json.string(complaint, "complaintFeedbackType");
                d.date = Json.string(complaint, "timestamp");
                out.add(d);
            }
        } else if (type.equals("Delivery")) {
            // a success notification: reported only by an analyzer asked for deliveries
            Map<String, Object> delivery = Json.object(payload, "delivery");
            String response = Json.string(delivery, "smtpResponse");
            for (Object r : Json.array(delivery, "recipients")) {
                Delivery d = new Delivery(Text.address(r instanceof String s ? s : ""));
                d.diagnosis = response;
                d.status = StatusCodes.find(response);
                d.reason = "delivered";
                d.action = "delivered";
                d.date = Json.string(delivery, "timestamp");
                out.add(d);
            }
        }
        out.removeIf(d -> d.recipient.isEmpty());
        return out.isEmpty() ? null : out;
    }
}
