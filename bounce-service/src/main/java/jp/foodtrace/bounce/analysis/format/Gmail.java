package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;
import jp.foodtrace.bounce.analysis.reason.StatusCodes;

/**
 * Gmail's own bounce prose (no delivery report): "Delivery to the following recipient failed",
 * the indented address, then "Technical details of ... failure" with the remote answer and
 * Gmail's "(state N)" number, which tells the SMTP stage. Layout as in Sisimai's Lhost::Gmail.
 */
public final class Gmail implements BounceFormat {
    private static final Pattern ORIGINAL = Pattern.compile(
            "(?m)^ *----- (?:Original message|Message header follows) -----");
    private static final Pattern RECIPIENT = Pattern.compile("^[ \\t]+([^ ]+@[^ ]+)$");
    private static final Pattern STATE = Pattern.compile("\\(state (\\d+)\\)\\.");
    private static final Pattern SPECIFIC = Pattern.compile("[45]\\.[1-7]\\.[1-9]");
    /** Gmail's state number: the SMTP command it stopped at, and what that means. */
    private static final Map<String, String[]> STATES = Map.of(
            "6", new String[] {"MAIL", "systemerror"},
            "8", new String[] {"AUTH", "systemerror"},
            "9", new String[] {"AUTH", "systemerror"},
            "12", new String[] {"AUTH", "norelaying"},
            "13", new String[] {"EHLO", "blocked"},
            "14", new String[] {"RCPT", "userunknown"},
            "15", new String[] {"DATA", "filtered"},
            "17", new String[] {"DATA", "filtered"},
            "18", new String[] {"DATA", "filtered"});
    private static final String[][] MESSAGES = {
            {"expired", "DNS Error: Could not contact DNS servers"},
            {"expired", "Delivery to the following recipient has been delayed"},
            {"expired", "The recipient server did not accept our requests to connect"},
            {"hostunknown", "DNS Error: Domain name not found"},
            {"hostunknown", "DNS Error: DNS server returned answer with no data"}};

    @Override
    public String name() {
        return "Gmail";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!Google.isDaemonNotice(mail)) {
            return null;
        }
        String report = mail.report();
        if (!report.contains("Delivery to the following recipient")) {
            return null;
        }
        Matcher cut = ORIGINAL.matcher(Deadline.guard(report));
        if (cut.find()) {
            if (mail.original().isEmpty()) {
                mail.originalFrom(report.substring(cut.end()));
            }
            report = report.substring(0, cut.start());
        }
        List<Delivery> out = new ArrayList<>();
        Delivery current = null;
        StringBuilder diag = new StringBuilder();
        boolean reading = false;
        for (String line : report.split("\n")) {
            if (!reading) {
                reading = line.startsWith("Delivery to the following recipient");
                if (!reading) {
                    continue;
                }
            }
            if (line.isEmpty()) {
                continue;
            }
            Matcher r = RECIPIENT.matcher(Deadline.guard(line));
            if (r.matches()) {
                if (current != null) {
                    current.diagnosis = diag.toString();
                    diag.setLength(0);
                }
                current = new Delivery(Text.normalize(r.group(1)));
                out.add(current);
            } else {
                diag.append(line).append(' ');
            }
        }
        if (current == null) {
            return null;
        }
        current.diagnosis = diag.toString();
        for (Delivery d : out) {
            d.diagnosis = Text.squeeze(d.diagnosis);
            Matcher s = STATE.matcher(Deadline.guard(d.diagnosis));
            String[] state = s.find() ? STATES.get(s.group(1)) : null;
            if (state != null) {
                d.command = state[0];
                d.reason = state[1];
            } else {
                for (String[] m : MESSAGES) {
                    if (d.diagnosis.contains(m[1])) {
                        d.reason = m[0];
                        break;
                    }
                }
            }
            if (d.reason.isEmpty()) {
                continue;
            }
            String status = StatusCodes.find(d.diagnosis);
            if (SPECIFIC.matcher(Deadline.guard(status)).matches()) {
                d.status = status;
                String byCode = StatusCodes.reasonOf(status);
                d.reason = byCode;
            }
        }
        return out;
    }
}
