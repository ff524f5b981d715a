package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;
import jp.foodtrace.bounce.analysis.reason.StatusCodes;

/**
 * IBM (Lotus) Domino: "DELIVERY FAILURE:", then "Your message ... was not delivered to:",
 * the indented address and the reason after "because:". Wordings (English, French,
 * Japanese) as in Sisimai's Lhost::Domino.
 */
public final class Domino implements BounceFormat {
    private static final Pattern SUBJECT = Pattern.compile("^DELIVERY(?: |_)FAILURE:");
    private static final Pattern ADDRESS = Pattern.compile("^  ([^ ]+@[^ ]+)$");
    private static final String[][] MESSAGES = {
            {"userunknown", "not listed in Domino Directory"},
            {"userunknown", "not listed in public Name & Address Book"},
            {"userunknown", "non répertorié dans l'annuaire Domino"},
            {"userunknown", "Domino ディレクトリには見つかりません"},
            {"filtered", "Cannot route mail to user"},
            {"systemerror", "Several matches found in Domino Directory"}};

    @Override
    public String name() {
        return "Domino";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!SUBJECT.matcher(Deadline.guard(mail.headers().get("subject"))).find()) {
            return null;
        }
        String report = mail.report();
        List<Delivery> out = new ArrayList<>();
        boolean reading = false;
        Delivery v = null;
        for (String line : report.split("\n")) {
            if (!reading) {
                reading = line.startsWith("Your message");
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            Matcher a = ADDRESS.matcher(Deadline.guard(line));
            if (line.equals("was not delivered to:")) {
                v = new Delivery("");
                out.add(v);
            } else if (v == null) {
                continue;
            } else if (a.matches()) {
                v.recipient = Text.normalize(a.group(1));
            } else if (line.equals("because:")) {
                v.diagnosis = line;
            } else if (v.diagnosis.equals("because:")) {
                v.diagnosis = line;
            }
        }
        out.removeIf(d -> d.recipient.isEmpty());
        if (out.isEmpty()) {
            return null;
        }
        List<Delivery> fields = Rfc3464.fields(report);
        for (Delivery d : out) {
            for (Delivery f : fields) {
                d.status = d.status.isEmpty() ? f.status : d.status;
                d.action = d.action.isEmpty() ? f.action : d.action;
                if (d.diagnosis.isEmpty() || d.diagnosis.equals("because:")) {
                    d.diagnosis = f.diagnosis;
                }
            }
            d.diagnosis = Text.squeeze(d.diagnosis);
            d.reason = Text.reasonFor(d.diagnosis, MESSAGES);
            if (!d.reason.isEmpty() && d.status.isEmpty()) {
                d.status = StatusCodes.pseudoCode(d.reason, false);
            }
        }
        return out;
    }
}
