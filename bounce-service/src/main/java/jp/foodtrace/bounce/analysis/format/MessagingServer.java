package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * Oracle Communications (formerly Sun Java System) Messaging Server: MIME boundaries named
 * {@code Boundary_(ID_...)} or Subject "Delivery Notification: ..."; after "This report relates
 * to a message you sent with the following header fields:", indented blocks per recipient
 * ("Recipient address:", "Original address:", "Reason:", "Diagnostic code: smtp;550 ...",
 * "Remote system: dns;host ..."), then a report whose "Status: 5.1.1 (text)" gives the code
 * and, when nothing else did, the text. The notice's recipients are the ones reported, the
 * report's Final-recipient lines are not read again. When the notice stood in the MIME preamble
 * (which {@link MailMessage} does not keep), the report's fields are what is left to read. As in
 * Sisimai's Lhost::MessagingServer.
 */
public final class MessagingServer implements BounceFormat {
    private static final String START = "This report relates to a message you sent with the following header fields:";
    private static final Pattern RECIPIENT = Pattern.compile("^[ \\t]+Recipient address:[ \\t]*+([^ @]++@[^ ]++)$");
    private static final Pattern ORIGINAL = Pattern.compile("^[ \\t]+Original address:[ \\t]*+([^ @]++@[^ ]++)$");
    private static final Pattern STATUS = Pattern.compile("^Status:[ \\t]*+(\\d\\.\\d\\.\\d)[ \\t]*+\\((.+)\\)$");
    private static final String[][] MESSAGES = {{"hostunknown", "Illegal host/domain name found"}};

    @Override
    public String name() {
        return "MessagingServer";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().get("content-type").contains("Boundary_(ID_")
                && !mail.headers().get("subject").startsWith("Delivery Notification: ")) {
            return null;
        }
        String section = Sections.after(mail.report(), START);
        if (section == null) {
            // the notice stood in the MIME preamble, which is not kept: the report remains
            return fromReport(mail.report());
        }
        section = Sections.before(section, "Return-path:");
        List<Delivery> out = new ArrayList<>();
        Delivery v = new Delivery();
        String arrival = "";
        for (String line : section.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            char c0 = line.charAt(0);
            if (c0 == ' ' || c0 == '\t') {
                Matcher r = RECIPIENT.matcher(Deadline.guard(line));
                Matcher o = ORIGINAL.matcher(Deadline.guard(line));
                String field = line.strip();
                if (r.matches()) {
                    if (!v.recipient.isEmpty()) {
                        v = new Delivery();
                    }
                    v.recipient = Text.address(r.group(1));
                    out.add(v);
                } else if (o.matches()) {
                    v.recipient = Text.address(o.group(1));
                } else if (field.startsWith("Date:")) {
                    v.date = field.substring(5).strip();
                } else if (field.startsWith("Reason:")) {
                    v.diagnosis = field.substring(7).strip();
                } else if (field.startsWith("Diagnostic code:") && field.indexOf(';') > 16) {
                    String value = field.substring(16).strip();
                    v.diagnosticType = Text.typeOf(value);
                    v.diagnosis = value.substring(value.indexOf(';') + 1);
                } else if (field.startsWith("Remote system:")) {
                    String value = Text.afterType(field.substring(14).strip());
                    int sp = value.indexOf(' ');
                    v.remoteMta = sp < 0 ? value : value.substring(0, sp);
                }
                continue;
            }
            Matcher s = STATUS.matcher(Deadline.guard(line));
            if (s.matches()) {
                v.status = s.group(1);
                if (v.diagnosis.isEmpty()) {
                    v.diagnosis = s.group(2);
                }
            } else if (line.toLowerCase(Locale.ROOT).startsWith("arrival-date:")) {
                arrival = line.substring(13).strip();
            }
        }
        out.removeIf(d -> d.recipient.isEmpty());
        for (Delivery d : out) {
            d.diagnosis = Text.squeeze(d.diagnosis);
            if (d.date.isEmpty()) {
                d.date = arrival;
            }
            d.reason = Text.reasonFor(d.diagnosis, MESSAGES);
        }
        return out.isEmpty() ? null : out;
    }

    private static List<Delivery> fromReport(String report) {
        List<Delivery> found = Rfc3464.fields(report);
        for (Delivery d : found) {
            d.reason = Text.reasonFor(d.diagnosis, MESSAGES);
        }
        return found.isEmpty() ? null : found;
    }
}
