package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * Ipswitch IMail Server: "Unknown user: address" or "undeliverable to address" lines, the
 * remote answer after "Body of message generated response:", then "Original message
 * follows.". As in Sisimai's Lhost::IMailServer.
 */
public final class IMailServer implements BounceFormat {
    private static final Pattern SUBJECT = Pattern.compile("^Undeliverable Mail *$");
    private static final Pattern ORIGINAL = Pattern.compile("(?m)^Original message follows\\.");
    private static final Pattern ERROR_LINE = Pattern.compile("^([^ ]+) (.+):[ \\t]*([^ ]+@[^ ]+)");
    private static final Pattern UNDELIVERABLE = Pattern.compile("^undeliverable +to +(.+)$");
    private static final String ALTERNATIVE = "Body of message generated response:";
    private static final String[][] COMMANDS = {
            {"CONN", "(?:SMTP connection failed,|Unexpected connection response from server:)"},
            {"EHLO", "Unexpected response to EHLO/HELO:"}, {"MAIL", "Server response to MAIL FROM:"},
            {"RCPT", "Additional RCPT TO generated following response:"}, {"DATA", "DATA command generated response:"}};
    private static final String[][] FAILURES = {
            {"hostunknown", "Unknown host"}, {"userunknown", "^(?:Unknown user|Invalid final delivery userid)"},
            {"mailboxfull", "^User mailbox exceeds allowed size"},
            {"virusdetected", "^Requested action not taken: virus detected"}, {"undefined", "^undeliverable to"},
            {"expired", "^Delivery failed \\d+ attempts"}};

    private static final Pattern[] COMMAND_PATTERNS = compile(COMMANDS);
    private static final Pattern[] FAILURE_PATTERNS = compile(FAILURES);

    private static Pattern[] compile(String[][] table) {
        Pattern[] out = new Pattern[table.length];
        for (int i = 0; i < table.length; i++) {
            out[i] = Pattern.compile(table[i][1]);
        }
        return out;
    }

    @Override
    public String name() {
        return "IMailServer";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!SUBJECT.matcher(Deadline.guard(mail.headers().get("subject"))).find()
                && !mail.headers().get("x-mailer").startsWith("<SMTP32 v")) {
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
        List<StringBuilder> alternatives = new ArrayList<>();
        for (String line : report.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = ERROR_LINE.matcher(Deadline.guard(line));
            Matcher u = UNDELIVERABLE.matcher(Deadline.guard(line));
            if (m.find()) {
                Delivery d = new Delivery(Text.address(m.group(3)));
                d.diagnosis = m.group(1) + " " + m.group(2);
                out.add(d);
                alternatives.add(new StringBuilder());
            } else if (u.matches()) {
                out.add(new Delivery(Text.address(u.group(1))));
                alternatives.add(new StringBuilder());
            } else if (!out.isEmpty()) {
                StringBuilder alt = alternatives.get(alternatives.size() - 1);
                if (line.contains(ALTERNATIVE)) {
                    alt.setLength(0);
                    alt.append(line);
                } else if (alt.length() > 0) {
                    alt.append(' ').append(line);
                }
            }
        }
        out.removeIf(d -> d.recipient.isEmpty());
        if (out.isEmpty()) {
            return null;
        }
        for (int i = 0; i < out.size(); i++) {
            Delivery d = out.get(i);
            String alt = alternatives.size() > i ? alternatives.get(i).toString() : "";
            d.diagnosis = Text.squeeze(alt.isEmpty() ? d.diagnosis : alt + " " + d.diagnosis);
            for (int c = 0; c < COMMANDS.length; c++) {
                if (COMMAND_PATTERNS[c].matcher(Deadline.guard(d.diagnosis)).find()) {
                    d.command = COMMANDS[c][0];
                    break;
                }
            }
            for (int f = 0; f < FAILURES.length; f++) {
                if (FAILURE_PATTERNS[f].matcher(Deadline.guard(d.diagnosis)).find()) {
                    d.reason = FAILURES[f][0];
                    break;
                }
            }
        }
        return out;
    }
}
