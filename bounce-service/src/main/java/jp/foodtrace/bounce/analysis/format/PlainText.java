package jp.foodtrace.bounce.analysis.format;

import java.util.List;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * Last resort for bounces without a delivery report: a message from a mailer daemon, with a
 * bounce-like subject or with the null return path of a delivery notice, whose prose names the
 * recipients.
 */
public final class PlainText implements BounceFormat {
    private static final Pattern DAEMON = Pattern.compile(
            "(?i)mailer-daemon|postmaster|mail delivery (?:sub)?system|mail ?delivery|mail administrator|mailer@");
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
            "(?i)undeliver|undelivered|returned mail|delivery (?:status|failure|failed|notification|report)"
                    + "|failure notice|mail delivery|could not be delivered|not delivered|non.?remis"
                    + "|delivery problem|rejected|returned to sender|warning: could not send|mail system error|nondeliverable");
    private static final int MAX_PROSE = 2_000;
    private static final List<String> ORIGINAL_MARKERS = List.of(
            "--- Below this line is a copy of the message.",
            "------ This is a copy of the message, including all the headers.",
            "----- Original message -----",
            "   ----- Original message follows -----",
            "------ Original message ------",
            "Original message:",
            "Message headers follow.",
            "-----Original Message-----",
            "------- Returned Message --------",
            "----- The header of the original message is following. -----",
            "--- Original message follows.",
            "Below is a copy of the original message:",
            "   ----- Unsent message follows -----",
            "  ----- Unsent message follows -----");

    /**
     * RFC 5321 4.5.5: notices about delivery go out with the null reverse-path, which the final
     * server records as {@code Return-Path: <>}; a mailer daemon's address there says the same.
     */
    static boolean nullReturnPath(String returnPath) {
        String value = returnPath.strip();
        return value.equals("<>") || value.toLowerCase(java.util.Locale.ROOT).contains("mailer-daemon");
    }

    @Override
    public String name() {
        return "PlainText";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        String from = mail.headers().get("from");
        String subject = mail.headers().get("subject");
        if (!DAEMON.matcher(Deadline.guard(from)).find() && !BOUNCE_SUBJECT.matcher(Deadline.guard(subject)).find()
                && !nullReturnPath(mail.headers().get("return-path"))) {
            return null;
        }
        String report = mail.report();
        for (String marker : ORIGINAL_MARKERS) {
            int i = report.indexOf(marker);
            if (i >= 0) {
                if (mail.original().isEmpty()) {
                    mail.originalFrom(report.substring(i + marker.length()));
                }
                report = report.substring(0, i);
                break;
            }
        }
        String sender = Text.address(mail.headers().get("to"));
        List<Delivery> found = ProseScanner.recipients(report);
        found.removeIf(d -> d.recipient.equalsIgnoreCase(sender) && found.size() > 1);
        if (found.isEmpty()) {
            return null;
        }
        String prose = null;
        for (Delivery d : found) {
            if (d.diagnosis.isEmpty()) {
                // no error line next to the address: the notice's whole prose is what it says
                if (prose == null) {
                    prose = Text.squeeze(report.length() > MAX_PROSE ? report.substring(0, MAX_PROSE) : report).strip();
                }
                d.diagnosis = prose;
            }
            if (d.status.isEmpty()) {
                d.status = jp.foodtrace.bounce.analysis.reason.StatusCodes.find(d.diagnosis);
            }
            d.command = Text.command(d.diagnosis);
        }
        LocalDeliveryAgent.Verdict local = LocalDeliveryAgent.find(mail);
        if (local != null) {
            LocalDeliveryAgent.apply(local, found);
        }
        return found;
    }
}
