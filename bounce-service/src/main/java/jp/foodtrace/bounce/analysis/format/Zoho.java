package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * Zoho Mail: X-ZohoMail header, "This message was created automatically by mail delivery",
 * then "address  error" or "[Status: ..., &lt;address&gt;, ...]" lines. As in Sisimai's
 * Lhost::Zoho.
 */
public final class Zoho implements BounceFormat {
    private static final String START = "This message was created automatically by mail delivery";
    private static final Pattern ORIGINAL = Pattern.compile("(?m)^Received:[ ]*from mail\\.zoho\\.com by mx\\.zohomail\\.com");
    private static final Pattern LINE = Pattern.compile("^([^ @]++@[^ ]+)[ \\t]+(.+)$");
    private static final Pattern STATUS = Pattern.compile("^\\[Status: .+<([^ ]+@[^ ]+)>,");

    @Override
    public String name() {
        return "Zoho";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (mail.headers().get("x-zohomail").isEmpty()) {
            return null;
        }
        String report = mail.report();
        Matcher cut = ORIGINAL.matcher(Deadline.guard(report));
        if (cut.find()) {
            report = report.substring(0, cut.start());
        }
        List<Delivery> out = new ArrayList<>();
        boolean reading = false;
        for (String line : report.split("\n")) {
            if (!reading) {
                reading = line.startsWith(START);
                continue;
            }
            Matcher m = LINE.matcher(Deadline.guard(line));
            Matcher s = STATUS.matcher(Deadline.guard(line));
            if (m.matches()) {
                Delivery d = new Delivery(Text.normalize(m.group(1)));
                d.diagnosis = Text.squeeze(m.group(2));
                out.add(d);
            } else if (s.find()) {
                Delivery d = new Delivery(Text.normalize(s.group(1)));
                d.diagnosis = Text.squeeze(line);
                out.add(d);
            }
        }
        for (Delivery d : out) {
            if (d.diagnosis.contains("Host not reachable")) {
                d.reason = "expired";
            }
        }
        return out.isEmpty() ? null : out;
    }
}
