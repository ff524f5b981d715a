package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.Headers;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * Trend Micro InterScan Messaging Security Suite: a transcript with "&lt;&lt;&lt;" and
 * "&gt;&gt;&gt;" lines naming the recipient, or "Unable to deliver message to &lt;address&gt;".
 * As in Sisimai's Lhost::InterScanMSS.
 */
public final class InterScanMss implements BounceFormat {
    private static final Set<String> SUBJECTS = Set.of(
            "Mail could not be delivered", "メッセージを配信できません。", "メール配信に失敗しました");
    private static final Pattern RECIPIENT = Pattern.compile(
            "^.+[<>]{3}[ \\t]+.+<([^ ]+@[^ ]+)>|^(?:Reason: +)?Unable to deliver message to <(.+)>");
    private static final Pattern SENT = Pattern.compile("^Sent[ \\t]+<{3}[ \\t]+([A-Z]{4})[ \\t]");
    private static final Pattern RECEIVED = Pattern.compile("^Received[ \\t]+>{3}[ \\t]+(\\d{3}[ \\t]+.+)$");
    private static final Pattern OUT = Pattern.compile(" >{3} ([A-Z]{4})");
    private static final Pattern IN = Pattern.compile(" <{3} (.+)");

    @Override
    public String name() {
        return "InterScanMSS";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        Headers h = mail.headers();
        String from = h.get("from");
        if (!from.startsWith("\"InterScan MSS\"") && !from.startsWith("\"InterScan Notification\"")
                && !from.startsWith("InterScan MSS") && !from.startsWith("InterScan Notification")
                && !SUBJECTS.contains(h.get("subject"))) {
            return null;
        }
        List<Delivery> out = new ArrayList<>();
        Delivery v = null;
        for (String line : mail.report().split("\n")) {
            Matcher r = RECIPIENT.matcher(Deadline.guard(line));
            if (r.find()) {
                String address = Text.normalize(r.group(1) != null ? r.group(1) : r.group(2));
                if (v == null || !v.recipient.equals(address)) {
                    v = new Delivery(address);
                    out.add(v);
                }
                if (line.contains("Unable to deliver ")) {
                    v.diagnosis = line;
                }
            }
            if (v == null) {
                continue;
            }
            Matcher m;
            if ((m = SENT.matcher(Deadline.guard(line))).find()) {
                v.command = m.group(1);
            } else if ((m = RECEIVED.matcher(Deadline.guard(line))).find()) {
                v.diagnosis = m.group(1);
            } else if (line.contains(" <<< ") || line.contains(" >>> ")) {
                if ((m = OUT.matcher(Deadline.guard(line))).find()) {
                    v.command = m.group(1);
                }
                if ((m = IN.matcher(Deadline.guard(line))).find()) {
                    v.diagnosis = m.group(1);
                }
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        for (Delivery d : out) {
            d.diagnosis = Text.squeeze(d.diagnosis);
            if (d.diagnosis.contains("Unable to deliver")) {
                d.reason = "userunknown";
            }
        }
        return out;
    }
}
