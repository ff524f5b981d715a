package jp.foodtrace.bounce.analysis.format;

import java.util.List;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * Exim: indented recipient lines, each followed by the indented remote error, then
 * "------ This is a copy of the message ...". Newer versions add a delivery report, whose
 * fields take precedence.
 */
public final class Exim implements BounceFormat {
    private static final Pattern START = Pattern.compile(
            "(?m)^(?:This message was created automatically by mail delivery software|A message that you sent could not be delivered|A message that you sent has not yet been delivered)");
    private static final Pattern ORIGINAL = Pattern.compile("(?m)^-+ (?:This is a copy of|The following text was generated|This is a copy of the message)");

    @Override
    public String name() {
        return "Exim";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        String report = mail.report();
        var start = START.matcher(report);
        if (!start.find() && !mail.headers().get("x-failed-recipients").contains("@")) {
            return null;
        }
        var cut = ORIGINAL.matcher(report);
        if (cut.find()) {
            if (mail.original().isEmpty()) {
                int nl = report.indexOf('\n', cut.start());
                mail.originalFrom(nl < 0 ? "" : report.substring(nl + 1));
            }
            report = report.substring(0, cut.start());
        }
        List<Delivery> found = Rfc3464.fields(report);
        List<Delivery> prose = ProseScanner.recipients(Rfc3464.prose(report));
        if (found.isEmpty()) {
            found = prose;
        }
        if (found.isEmpty()) {
            return null;
        }
        boolean delayed = report.contains("has not yet been delivered");
        for (Delivery d : found) {
            for (Delivery p : prose) {
                if (p.recipient.equalsIgnoreCase(d.recipient) && !p.diagnosis.isEmpty()) {
                    if (d.diagnosis.isEmpty() || d.diagnosis.length() < p.diagnosis.length()) {
                        d.diagnosis = p.diagnosis;
                    }
                }
            }
            if (d.status.isEmpty()) {
                d.status = jp.foodtrace.bounce.analysis.reason.StatusCodes.find(d.diagnosis);
            }
            d.command = Text.command(d.diagnosis);
            if (delayed && d.action.isEmpty()) {
                d.action = "delayed";
            }
            String lower = d.diagnosis.toLowerCase();
            if (lower.contains("retry timeout exceeded") || lower.contains("retry time not reached for any host")
                    || lower.contains("frozen")) {
                d.reason = d.reason.isEmpty() ? "expired" : d.reason;
            } else if (lower.contains("unrouteable address") || lower.contains("all relevant mx records point to non-existent hosts")
                    || lower.contains("unrouteable mail domain")) {
                d.reason = "hostunknown";
            } else if (lower.contains("mailbox is full") || lower.contains("error in appendfile")) {
                d.reason = "mailboxfull";
            } else if (lower.contains("no such user") || lower.contains("unknown user")) {
                d.reason = d.reason.isEmpty() ? "userunknown" : d.reason;
            }
        }
        return found;
    }
}
