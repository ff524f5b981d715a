package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * MailFoundry: "Message delivery has failed", "Unable to deliver message to: &lt;address&gt;"
 * and the reason after "Delivery failed for the following reason:". As in Sisimai's
 * Lhost::MailFoundry.
 */
public final class MailFoundry implements BounceFormat {
    private static final Pattern RECIPIENT = Pattern.compile("^Unable to deliver message to: <([^ ]+@[^ ]+)>$");
    private static final String ERROR = "Delivery failed for the following reason:";

    @Override
    public String name() {
        return "MailFoundry";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().get("subject").equals("Message delivery has failed")
                || mail.headers().all("received").stream().noneMatch(r -> r.contains("(MAILFOUNDRY) id"))) {
            return null;
        }
        List<Delivery> out = new ArrayList<>();
        Delivery v = null;
        for (String line : mail.report().split("\n")) {
            Matcher r = RECIPIENT.matcher(Deadline.guard(line));
            if (r.matches()) {
                v = new Delivery(Text.normalize(r.group(1)));
                out.add(v);
            } else if (v != null) {
                if (line.equals(ERROR)) {
                    v.diagnosis = line;
                } else if (!v.diagnosis.isEmpty() && !line.startsWith("-")) {
                    v.diagnosis = v.diagnosis + " " + line;
                }
            }
        }
        out.forEach(d -> d.diagnosis = Text.squeeze(d.diagnosis));
        return out.isEmpty() ? null : out;
    }
}
