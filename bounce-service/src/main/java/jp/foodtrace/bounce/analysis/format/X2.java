package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * An unnamed MTA ("X2" in the reference corpus): MAILER-DAEMON sending "Delivery failure",
 * "Unable to deliver message to the following address(es)." and "&lt;address&gt;:" followed
 * by the error, then "--- Original message follows.". As in Sisimai's Lhost::X2.
 */
public final class X2 implements BounceFormat {
    private static final Pattern SUBJECT = Pattern.compile("^(?:Delivery failure|fail(?:ure|ed) delivery)");
    private static final String START = "Unable to deliver message to the following address";
    private static final Pattern ORIGINAL = Pattern.compile("(?m)^--- Original message follows\\.");
    private static final Pattern RECIPIENT = Pattern.compile("^<([^ ]+@[^ ]+)>:$");

    @Override
    public String name() {
        return "X2";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().get("from").contains("MAILER-DAEMON@")
                || !SUBJECT.matcher(Deadline.guard(mail.headers().get("subject"))).find()) {
            return null;
        }
        String report = mail.report();
        Matcher cut = ORIGINAL.matcher(Deadline.guard(report));
        if (cut.find()) {
            if (mail.original().isEmpty()) {
                mail.originalFrom(report.substring(cut.end()));
            }
            report = report.substring(0, cut.start());
        }
        List<Delivery> out = new ArrayList<>();
        boolean reading = false;
        Delivery v = null;
        for (String line : report.split("\n")) {
            if (!reading) {
                reading = line.startsWith(START);
                continue;
            }
            Matcher r = RECIPIENT.matcher(Deadline.guard(line));
            if (r.matches()) {
                v = new Delivery(Text.normalize(r.group(1)));
                out.add(v);
            } else if (v != null) {
                v.diagnosis = v.diagnosis + " " + line;
            }
        }
        out.forEach(d -> d.diagnosis = Text.squeeze(d.diagnosis));
        return out.isEmpty() ? null : out;
    }
}
