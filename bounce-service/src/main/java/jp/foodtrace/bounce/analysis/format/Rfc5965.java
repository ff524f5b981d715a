package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * RFC 5965 abuse reports (ARF): a complaint about a message, reported by the recipient's
 * mailbox provider. The complaining address is in Original-Rcpt-To or Removal-Recipient, else
 * in the To of the quoted message.
 */
public final class Rfc5965 implements BounceFormat {
    private static final Pattern FEEDBACK_TYPE = Pattern.compile("(?im)^Feedback-Type:\\s*([\\w.-]+)");
    private static final Pattern RECIPIENT_FIELD = Pattern.compile(
            "(?im)^(?:Original-Rcpt-To|Removal-Recipient):\\s*(.+)$");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>,;\"':]+@[^\\s<>,;\"':]+");

    @Override
    public String name() {
        return "Feedback-Loop";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        String contentType = mail.headers().get("content-type").toLowerCase(Locale.ROOT);
        String body = mail.body();
        boolean declared = contentType.contains("report-type=feedback-report")
                || contentType.contains("report-type=\"feedback-report\"");
        Matcher ft = FEEDBACK_TYPE.matcher(mail.report());
        if (!declared && !ft.find()) {
            return null;
        }
        if (declared && !ft.find()) {
            ft = null;
        }
        String feedbackType = ft == null ? "" : ft.group(1).toLowerCase(Locale.ROOT);
        Set<String> recipients = new LinkedHashSet<>();
        Matcher rf = RECIPIENT_FIELD.matcher(mail.report());
        while (rf.find()) {
            addAll(rf.group(1), recipients);
        }
        if (recipients.isEmpty()) {
            addAll(mail.original().get("to"), recipients);
        }
        if (recipients.isEmpty()) {
            return null;
        }
        String arrival = "";
        Matcher ad = Pattern.compile("(?im)^(?:Arrival-Date|Received-Date):\\s*(.+)$").matcher(body);
        if (ad.find()) {
            arrival = ad.group(1).trim();
        }
        List<Delivery> out = new ArrayList<>();
        for (String r : recipients) {
            Delivery d = new Delivery(r);
            d.reason = "feedback";
            d.feedbackType = feedbackType;
            d.date = arrival;
            d.diagnosis = Text.squeeze(Rfc3464.prose(mail.report()));
            out.add(d);
        }
        return out;
    }

    private static void addAll(String text, Set<String> into) {
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            into.add(Text.normalize(m.group()));
        }
    }
}
