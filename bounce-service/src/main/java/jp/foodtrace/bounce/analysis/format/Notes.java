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
 * Lotus Notes: "Undeliverable message", the reasons under "------- Failure Reasons", then
 * "------- Returned Message --------". As in Sisimai's Lhost::Notes.
 */
public final class Notes implements BounceFormat {
    private static final String START = "------- Failure Reasons ";
    private static final Pattern ORIGINAL = Pattern.compile("(?m)^------- Returned Message --------");
    private static final Pattern ADDRESS = Pattern.compile("^[^ ]+@[^ ]+");
    private static final Pattern TO = Pattern.compile("(?m)^To:[ ]*(.+)$");
    private static final String[][] MESSAGES = {
            {"userunknown", "User not listed in public Name & Address Book"},
            {"userunknown", "ディレクトリのリストにありません"},
            {"networkerror", "Message has exceeded maximum hop count"}};

    @Override
    public String name() {
        return "Notes";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().get("subject").startsWith("Undeliverable message")) {
            return null;
        }
        String body = mail.body();
        Matcher cut = ORIGINAL.matcher(Deadline.guard(body));
        String report = body;
        String original = "";
        if (cut.find()) {
            original = body.substring(cut.end());
            if (mail.original().isEmpty()) {
                mail.originalFrom(original);
            }
            report = body.substring(0, cut.start());
        }
        List<Delivery> out = new ArrayList<>();
        Delivery v = new Delivery("");
        boolean reading = false;
        for (String line : report.split("\n")) {
            if (!reading) {
                reading = line.startsWith(START);
                continue;
            }
            if (ADDRESS.matcher(Deadline.guard(line)).find()) {
                if (!v.recipient.isEmpty()) {
                    v = new Delivery("");
                }
                v.recipient = Text.address(line);
                if (!out.contains(v)) {
                    out.add(v);
                }
            } else if (!line.isEmpty() && !line.startsWith("-")) {
                v.diagnosis += line;
            }
        }
        if (out.isEmpty()) {
            Matcher to = TO.matcher(Deadline.guard(original));
            if (to.find() && !Text.address(to.group(1)).isEmpty()) {
                v.recipient = Text.address(to.group(1));
                out.add(v);
            }
        }
        out.removeIf(d -> d.recipient.isEmpty());
        if (out.isEmpty()) {
            return null;
        }
        for (Delivery d : out) {
            d.diagnosis = Text.squeeze(d.diagnosis);
            for (String[] m : MESSAGES) {
                if (d.diagnosis.contains(m[1])) {
                    d.reason = m[0];
                    d.status = StatusCodes.pseudoCode(m[0], false);
                    break;
                }
            }
        }
        return out;
    }
}
