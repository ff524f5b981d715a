package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * An unnamed MTA ("X6" in the reference corpus): "There was an error sending your mail",
 * "N error(s):" and one line per recipient with its error, the original headers attached.
 * As in Sisimai's Lhost::X6.
 */
public final class X6 implements BounceFormat {
    private static final Pattern START = Pattern.compile("^\\d+ *error\\(s\\):");
    private static final Pattern ORIGINAL = Pattern.compile("(?m)^The attachment contains the original mail headers.+$");
    private static final Pattern RECIPIENT = Pattern.compile("<([^ @]+@[^ @]+)>|errors: *([^ ]+@[^ ]+)");
    private static final Pattern COMMAND = Pattern.compile("\\b(HELO|EHLO|MAIL|RCPT|DATA)\\b");

    @Override
    public String name() {
        return "X6";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().get("subject").startsWith("There was an error sending your mail")) {
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
                reading = START.matcher(Deadline.guard(line)).find();
                continue;
            }
            Matcher r = RECIPIENT.matcher(Deadline.guard(line));
            if (r.find()) {
                Delivery d = new Delivery(Text.address(r.group(1) != null ? r.group(1) : r.group(2)));
                d.diagnosis = Text.squeeze(line);
                Matcher c = COMMAND.matcher(Deadline.guard(d.diagnosis));
                d.command = c.find() ? c.group(1) : "";
                out.add(d);
            }
        }
        out.removeIf(d -> d.recipient.isEmpty());
        return out.isEmpty() ? null : out;
    }
}
