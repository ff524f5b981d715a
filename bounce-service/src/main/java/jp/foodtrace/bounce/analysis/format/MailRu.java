package jp.foodtrace.bounce.analysis.format;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;
import jp.foodtrace.bounce.analysis.reason.StatusCodes;

/**
 * Mail.Ru (Exim underneath): From a {@code mailer-daemon@...mail.ru} address, a Message-ID
 * ending in {@code .mail.ru>} or {@code .smailru.net>} and one of Exim's subjects; a Russian
 * preamble, then Exim's notice, which {@link Exim} reads. Its own differences: a sender
 * refused at MAIL FROM is {@code rejected}, and a shorter list of Exim's sentences names the
 * reason. As in Sisimai's Lhost::MailRu.
 */
public final class MailRu implements BounceFormat {
    private static final Pattern SUBJECT = Pattern.compile(
            "Mail delivery failed(?:: returning message to sender)?|Warning: message .+ delayed +|Delivery Status Notification"
                    + "|Mail failure|Message frozen|error\\(s\\) in forwarding or filtering");
    private static final String[][] MESSAGES = {
            {"expired", "retry timeout exceeded"}, {"expired", "No action is required on your part"},
            {"userunknown", "user not found"},
            {"hostunknown", "all host address lookups failed permanently"},
            {"hostunknown", "all relevant MX records point to non-existent hosts"},
            {"hostunknown", "Unrouteable address"},
            {"mailboxfull", "mailbox is full"}, {"mailboxfull", "error: quota exceed"},
            {"notaccept", "an MX or SRV record indicated no SMTP service"},
            {"notaccept", "no host found for existing SMTP connection"},
            {"systemerror", "delivery to file forbidden"}, {"systemerror", "delivery to pipe forbidden"},
            {"systemerror", "local delivery failed"},
            {"contenterror", "Too many \"Received\" headers "}};

    private final Exim exim = new Exim();

    @Override
    public String name() {
        return "MailRu";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        String from = mail.headers().get("from").toLowerCase(Locale.ROOT);
        int daemon = from.indexOf("mailer-daemon@");
        String id = mail.headers().get("message-id").strip();
        if (daemon < 0 || from.indexOf("mail.ru", daemon) < 0
                || !(id.endsWith(".mail.ru>") || id.endsWith(".smailru.net>"))
                || !SUBJECT.matcher(Deadline.guard(mail.headers().get("subject"))).find()) {
            return null;
        }
        List<Delivery> found = exim.parse(mail);
        if (found == null) {
            return null;
        }
        for (Delivery d : found) {
            String before = d.reason;
            if (d.command.equals("MAIL")) {
                d.reason = "rejected";
            } else if (!d.command.equals("HELO") && !d.command.equals("EHLO")) {
                d.reason = Text.reasonFor(d.diagnosis, MESSAGES);
            }
            if (!d.reason.equals(before) && d.status.equals(StatusCodes.pseudoCode(before, d.status.startsWith("4")))) {
                // Exim's code stood for Exim's reason, not for this one
                d.status = StatusCodes.pseudoCode(d.reason, d.status.startsWith("4"));
            }
        }
        return found;
    }
}
