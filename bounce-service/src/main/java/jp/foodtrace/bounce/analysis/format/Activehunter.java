package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * TransWARE Active!hunter: X-AHMAILID header, "----- The following addresses had permanent
 * fatal errors -----", "&gt;&gt;&gt; ... &lt;address&gt;" lines and the error on the next line.
 * As in Sisimai's Lhost::Activehunter.
 */
public final class Activehunter implements BounceFormat {
    private static final String START = "  ----- The following addresses had permanent fatal errors -----";
    private static final Pattern RECIPIENT = Pattern.compile("^>{3}[ \\t]+.+<([^ ]+?@[^ ]+?)>$");
    private static final Pattern ERROR = Pattern.compile("^[0-9A-Za-z]+");

    @Override
    public String name() {
        return "Activehunter";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().has("x-ahmailid")) {
            return null;
        }
        List<Delivery> out = new ArrayList<>();
        boolean reading = false;
        Delivery v = null;
        for (String line : mail.report().split("\n")) {
            if (!reading) {
                reading = line.startsWith(START);
                continue;
            }
            Matcher r = RECIPIENT.matcher(Deadline.guard(line));
            if (r.matches()) {
                v = new Delivery(Text.normalize(r.group(1)));
                out.add(v);
            } else if (v != null && v.diagnosis.isEmpty() && ERROR.matcher(Deadline.guard(line)).find()) {
                v.diagnosis = Text.squeeze(line);
            }
        }
        return out.isEmpty() ? null : out;
    }
}
