package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;
import jp.foodtrace.bounce.analysis.reason.StatusCodes;

/**
 * An unnamed MTA ("X3" in the reference corpus): "Mail Delivery System" sending "Delivery status
 * notification", recipients as "* address" and the error after "SMTP:COMMAND". As in Sisimai's
 * Lhost::X3.
 */
public final class X3 implements BounceFormat {
    private static final String START = "      This is an automatically generated Delivery Status Notification.";
    private static final Pattern RECIPIENT = Pattern.compile("^[ \\t]+\\*[ \\t]([^ ]+@[^ ]+)$");
    private static final Pattern SMTP = Pattern.compile("^SMTP:([^ ]+)[ \\t](.+)$");
    private static final Pattern ROUTING = Pattern.compile("^Routing: (.+)");
    private static final Pattern DIAGNOSTIC = Pattern.compile("^Diagnostic-Code: smtp; (.+)");

    @Override
    public String name() {
        return "X3";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().get("from").startsWith("Mail Delivery System")
                || !mail.headers().get("subject").startsWith("Delivery status notification")) {
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
            Matcher m;
            if ((m = RECIPIENT.matcher(Deadline.guard(line))).matches()) {
                v = new Delivery(Text.normalize(m.group(1)));
                out.add(v);
            } else if (v == null) {
                continue;
            } else if ((m = SMTP.matcher(Deadline.guard(line))).matches()) {
                v.command = m.group(1).toUpperCase(Locale.ROOT);
                v.diagnosis = m.group(2);
            } else if ((m = ROUTING.matcher(Deadline.guard(line))).find()) {
                v.diagnosis = m.group(1);
            } else if ((m = DIAGNOSTIC.matcher(Deadline.guard(line))).find()) {
                v.diagnosis = m.group(1);
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        for (Delivery d : out) {
            d.diagnosis = Text.squeeze(d.diagnosis);
            d.status = StatusCodes.find(d.diagnosis);
        }
        return out;
    }
}
