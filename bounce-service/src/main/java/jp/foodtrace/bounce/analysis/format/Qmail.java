package jp.foodtrace.bounce.analysis.format;

import java.util.List;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/** qmail-send: "<address>:" followed by the remote error, then a copy of the message. */
public final class Qmail implements BounceFormat {
    private static final String ORIGINAL = "--- Below this line is a copy of the message.";
    private static final Pattern PROGRESS = Pattern.compile("(?i)most progress was (RCPT TO|MAIL FROM|DATA)|(RCPT TO|MAIL FROM|DATA) response");

    @Override
    public String name() {
        return "qmail";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        String body = mail.body();
        if (!body.contains("This is the qmail-send program") && !body.contains(ORIGINAL)
                && !mail.headers().get("received").contains("invoked for bounce")) {
            return null;
        }
        String report = mail.report();
        int cut = report.indexOf(ORIGINAL);
        if (cut >= 0) {
            if (mail.original().isEmpty()) {
                mail.originalFrom(report.substring(cut + ORIGINAL.length()));
            }
            report = report.substring(0, cut);
        }
        List<Delivery> found = ProseScanner.recipients(report);
        if (found.isEmpty()) {
            return null;
        }
        for (Delivery d : found) {
            var m = PROGRESS.matcher(d.diagnosis);
            String c = m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : "";
            if (d.status.isEmpty()) {
                d.status = jp.foodtrace.bounce.analysis.reason.StatusCodes.find(d.diagnosis);
            }
            d.command = c.isEmpty() ? Text.command(d.diagnosis) : Text.command("after " + c);
            String lower = d.diagnosis.toLowerCase();
            if (lower.contains("sorry, i couldn't find any host named") || lower.contains("sorry, i couldn't find any host by that name")) {
                d.reason = "hostunknown";
            } else if (lower.contains("but sender was rejected")) {
                d.reason = "rejected";
            } else if (lower.contains("but my name was rejected")) {
                d.reason = "blocked";
            } else if (lower.contains("sorry, no mailbox here by that name")) {
                d.reason = "userunknown";
            }
        }
        return found;
    }
}
