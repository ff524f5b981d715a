package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * OpenSMTPD: "This is the MAILER-DAEMON, please DO NOT REPLY", then "address: error" lines and
 * "Below is a copy of the original message:". Its fixed error wordings settle the reason. As in
 * Sisimai's Lhost::OpenSMTPD.
 */
public final class OpenSmtpd implements BounceFormat {
    private static final String START = "    This is the MAILER-DAEMON, please DO NOT REPLY to this";
    private static final Pattern ORIGINAL = Pattern.compile("(?m)^ +Below is a copy of the original message:");
    private static final Pattern RECIPIENT = Pattern.compile("^([^ ]+?@[^ ]+?):? (.+)$");
    private static final String[][] MESSAGES = {
            {"expired", "Envelope expired"},
            {"hostunknown", "Invalid domain name"}, {"hostunknown", "Domain does not exist"},
            {"notaccept", "Destination seem to reject all mails"},
            {"networkerror", "Address family mismatch on destination MXs"},
            {"networkerror", "All routes to destination blocked"}, {"networkerror", "bad DNS lookup error code"},
            {"networkerror", "Could not retrieve source address"}, {"networkerror", "Loop detected"},
            {"networkerror", "Network error on destination MXs"}, {"networkerror", "No MX found for domain"},
            {"networkerror", "No MX found for destination"}, {"networkerror", "No valid route to remote MX"},
            {"networkerror", "No valid route to destination"}, {"networkerror", "Temporary failure in MX lookup"},
            {"securityerror", "Could not retrieve credentials"}};

    @Override
    public String name() {
        return "OpenSMTPD";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().get("subject").contains("Delivery status notification")
                || !mail.headers().get("from").contains("Mailer Daemon <")
                || mail.headers().all("received").stream().noneMatch(r -> r.contains(" (OpenSMTPD) with "))) {
            return null;
        }
        String body = mail.body();
        Matcher cut = ORIGINAL.matcher(Deadline.guard(body));
        String report = body;
        if (cut.find()) {
            if (mail.original().isEmpty()) {
                mail.originalFrom(body.substring(cut.end()));
            }
            report = body.substring(0, cut.start());
        }
        List<Delivery> out = new ArrayList<>();
        boolean reading = false;
        for (String line : report.split("\n")) {
            if (!reading) {
                reading = line.startsWith(START);
                continue;
            }
            Matcher m = RECIPIENT.matcher(Deadline.guard(line));
            if (m.matches()) {
                Delivery d = new Delivery(Text.normalize(m.group(1)));
                d.diagnosis = Text.squeeze(m.group(2));
                out.add(d);
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        for (Delivery d : out) {
            for (String[] m : MESSAGES) {
                if (d.diagnosis.contains(m[1])) {
                    d.reason = m[0];
                    break;
                }
            }
        }
        return out;
    }
}
