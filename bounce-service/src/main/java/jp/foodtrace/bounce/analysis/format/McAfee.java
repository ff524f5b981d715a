package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * McAfee e-mail gateways: "--- The following addresses had delivery problems ---" with
 * "&lt;address&gt; (error)" lines, next to a delivery report. As in Sisimai's Lhost::McAfee.
 */
public final class McAfee implements BounceFormat {
    private static final String START = "--- The following addresses had delivery problems ---";
    private static final Pattern LINE = Pattern.compile("^<([^ ]+@[^ ]+)>[ \\t]+\\((.+)\\)$");
    private static final Pattern USER_UNKNOWN = Pattern.compile(
            " User \\(.+@.+\\) unknown\\. |550 Unknown user [^ ]+@[^ ]+|550 <.+?@.+?>\\.+ User not exist|No such user");

    @Override
    public String name() {
        return "McAfee";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().get("x-nai-header").contains("Modified by McAfee")
                || !mail.headers().get("subject").equals("Delivery Status")) {
            return null;
        }
        String report = mail.report();
        int start = report.indexOf(START);
        if (start < 0) {
            return null;
        }
        List<Delivery> out = new ArrayList<>();
        Delivery v = null;
        boolean inDiagnosis = false;
        for (String line : report.substring(start + START.length()).split("\n")) {
            Matcher m = LINE.matcher(Deadline.guard(line));
            if (m.matches()) {
                v = new Delivery(Text.normalize(m.group(1)));
                v.diagnosis = m.group(2);
                out.add(v);
                inDiagnosis = false;
            } else if (v != null && line.regionMatches(true, 0, "Diagnostic-Code:", 0, 16)) {
                String value = line.substring(16).strip();
                v.diagnosticType = Text.typeOf(value);
                v.diagnosis = Text.afterType(value);
                inDiagnosis = true;
            } else if (v != null && inDiagnosis && (line.startsWith(" ") || line.startsWith("\t"))) {
                v.diagnosis = v.diagnosis + " " + line.strip();
            } else {
                inDiagnosis = false;
                if (v != null && line.regionMatches(true, 0, "Status:", 0, 7)) {
                    v.status = line.substring(7).strip();
                } else if (v != null && line.regionMatches(true, 0, "Action:", 0, 7)) {
                    v.action = Rfc3464.normalizeAction(line.substring(7));
                }
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        for (Delivery d : out) {
            d.diagnosis = Text.squeeze(d.diagnosis);
            if (USER_UNKNOWN.matcher(Deadline.guard(d.diagnosis)).find()) {
                d.reason = "userunknown";
            }
        }
        return out;
    }
}
