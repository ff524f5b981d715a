package jp.foodtrace.bounce.analysis.format;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;
import jp.foodtrace.bounce.analysis.reason.StatusCodes;

/**
 * SendGrid: Return-Path {@code <apps@sendgrid.net>}, Postfix's Subject "Undelivered Mail
 * Returned to Sender", "This is an automatically generated message from SendGrid." and an RFC
 * 3464 report. Its status is the reply code's class ("x.0.0") unless the text holds a finer
 * code; "Action: expired" means the message timed out in the queue. The notice's "... in RCPT
 * TO" line names the SMTP stage. As in Sisimai's Lhost::SendGrid.
 */
public final class SendGrid implements BounceFormat {
    private static final String START = "This is an automatically generated message from SendGrid.";
    private static final Pattern REPLY = Pattern.compile("\\b([45])\\d\\d\\b");
    private static final Pattern STAGE = Pattern.compile(" in (?:End of )?([A-Z]{4})");

    @Override
    public String name() {
        return "SendGrid";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().get("return-path").strip().equals("<apps@sendgrid.net>")
                || !mail.headers().get("subject").strip().equals("Undelivered Mail Returned to Sender")) {
            return null;
        }
        String section = Sections.after(mail.report(), START);
        if (section == null) {
            return null;
        }
        String command = "";
        boolean expired = false;
        for (String line : section.split("\n")) {
            if (line.regionMatches(true, 0, "Action:", 0, 7)) {
                expired |= line.substring(7).strip().equalsIgnoreCase("expired");
            } else if (!isReportField(line)) {
                Matcher s = STAGE.matcher(Deadline.guard(line));
                if (s.find()) {
                    command = s.group(1);
                }
            }
        }
        List<Delivery> found = Rfc3464.fields(section);
        for (Delivery d : found) {
            Matcher r = REPLY.matcher(Deadline.guard(d.diagnosis));
            if (r.find()) {
                d.status = r.group(1) + ".0.0";
            }
            if (d.status.endsWith(".0.0")) {
                String precise = StatusCodes.find(d.diagnosis);
                if (!precise.isEmpty()) {
                    d.status = precise;
                }
            }
            if (expired) {
                d.reason = "expired";
                d.action = "delayed";
                if (d.status.isEmpty() || d.status.endsWith(".0.0")) {
                    d.status = StatusCodes.pseudoCode("expired", false);
                }
            }
            if (d.command.isEmpty()) {
                d.command = command;
            }
        }
        return found.isEmpty() ? null : found;
    }

    private static final String[] FIELDS = {
            "final-recipient:", "original-recipient:", "x-actual-recipient:", "status:", "remote-mta:",
            "reporting-mta:", "diagnostic-code:", "last-attempt-date:", "arrival-date:", "received-from-mta:",
            "original-envelope-id:", "will-retry-until:", "final-log-id:", "x-postfix-sender:", "x-postfix-queue-id:"};

    /** Whether the line is a field of the report, whose text names no SMTP stage. */
    private static boolean isReportField(String line) {
        for (String f : FIELDS) {
            if (line.regionMatches(true, 0, f, 0, f.length())) {
                return true;
            }
        }
        return false;
    }
}
