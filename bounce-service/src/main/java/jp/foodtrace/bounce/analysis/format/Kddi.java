package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.Headers;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * KDDI (au one net, DION) notices: "Your mail sent on ...", "Could not be delivered to:
 * &lt;address&gt;" and an indented English reason. As in Sisimai's Lhost::KDDI.
 */
public final class Kddi implements BounceFormat {
    private static final Pattern FROM = Pattern.compile("no-reply@.+\\.dion\\.ne\\.jp");
    private static final Pattern START = Pattern.compile(
            "^Your mail (?:sent on:? [A-Z][a-z]{2},|attempted to be delivered on:? [A-Z][a-z]{2},)");
    private static final Pattern RECIPIENT = Pattern.compile("^[ \\t]+Could not be delivered to: <([^ ]+@[^ ]+)>");
    private static final Pattern SENT_ON = Pattern.compile("Your mail sent on: (.+)$");
    private static final String[][] MESSAGES = {
            {"mailboxfull", "As their mailbox is full"}, {"norelaying", "Due to the following SMTP relay error"},
            {"hostunknown", "As the remote domain doesnt exist"}};

    @Override
    public String name() {
        return "KDDI";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        Headers h = mail.headers();
        if (!FROM.matcher(Deadline.guard(h.get("from"))).find() && !h.get("reply-to").equals("no-reply@app.auone-net.jp")
                && h.all("received").stream().noneMatch(r -> r.contains("ezweb.ne.jp (") || r.contains(".au.com ("))) {
            return null;
        }
        List<Delivery> out = new ArrayList<>();
        boolean reading = false;
        Delivery v = new Delivery("");
        for (String line : mail.report().split("\n")) {
            if (!reading) {
                reading = START.matcher(Deadline.guard(line)).find();
            }
            if (!reading) {
                continue;
            }
            Matcher r = RECIPIENT.matcher(Deadline.guard(line));
            Matcher s = SENT_ON.matcher(Deadline.guard(line));
            if (r.find()) {
                if (!v.recipient.isEmpty()) {
                    v = new Delivery("");
                }
                v.recipient = Text.normalize(r.group(1));
                out.add(v);
            } else if (s.find()) {
                v.date = s.group(1);
            } else if (line.startsWith(" ") || line.startsWith("\t")) {
                v.diagnosis = v.diagnosis + line + " ";
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        for (Delivery d : out) {
            d.diagnosis = Text.squeeze(d.diagnosis);
            if (h.get("x-spasign").equals("NG")) {
                d.reason = "filtered";
                continue;
            }
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
