package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * An unnamed server of the reference corpus: From "\"Mail Deliver System\" ...", Subject
 * "Returned Mail: ...", "The original message was received at DATE" and then one
 * "address [error]" line per recipient. As in Sisimai's Lhost::X1.
 */
public final class X1 implements BounceFormat {
    private static final String RECEIVED_AT = "The original message was received at ";
    private static final Pattern RECIPIENT = Pattern.compile("^([^ @]++@[^ ]++)[ \\t]++\\[(.+)\\]$");

    @Override
    public String name() {
        return "X1";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().get("subject").startsWith("Returned Mail: ")
                || !mail.headers().get("from").startsWith("\"Mail Deliver System\" ")) {
            return null;
        }
        String report = Sections.before(mail.report(), "Received: from ");
        int start = Sections.lineStarting(report, RECEIVED_AT);
        if (start < 0) {
            return null;
        }
        int nl = report.indexOf('\n', start);
        String date = report.substring(start + RECEIVED_AT.length(), nl < 0 ? report.length() : nl).strip();
        List<Delivery> out = new ArrayList<>();
        for (String line : report.substring(start).split("\n")) {
            Matcher m = RECIPIENT.matcher(Deadline.guard(line));
            if (m.matches()) {
                Delivery d = new Delivery(Text.address(m.group(1)));
                d.diagnosis = Text.squeeze(m.group(2));
                d.date = date;
                out.add(d);
            }
        }
        out.removeIf(d -> d.recipient.isEmpty());
        return out.isEmpty() ? null : out;
    }
}
