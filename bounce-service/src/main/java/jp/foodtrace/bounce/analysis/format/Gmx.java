package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * GMX and web.de: X-GMX-Antispam header, "\"address\":" lines, "SMTP error from remote server
 * after RCPT command:" naming the stage and the remote answer below. As in Sisimai's Lhost::GMX.
 */
public final class Gmx implements BounceFormat {
    private static final String START = "This message was created automatically by mail delivery software";
    private static final String ORIGINAL = "--- The header of the original message is following. ---";
    private static final Pattern RECIPIENT = Pattern.compile("^\"([^ ]+@[^ ]+)\":$|^<([^ ]+@[^ ]+)>$");
    private static final Pattern COMMAND = Pattern.compile("^SMTP error .+ ([A-Z]{4}) command:$");
    private static final Pattern ANSWER = Pattern.compile("\\b[45]\\.\\d\\.\\d\\b|<[^ ]+@[^ ]+>|\\b[45]\\d{2}\\b");

    @Override
    public String name() {
        return "GMX";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().has("x-gmx-antispam")) {
            return null;
        }
        String report = mail.report();
        int cut = report.indexOf(ORIGINAL);
        if (cut >= 0) {
            if (mail.original().isEmpty()) {
                mail.originalFrom(report.substring(cut + ORIGINAL.length()));
            }
            report = report.substring(0, cut);
        }
        List<Delivery> out = new ArrayList<>();
        boolean reading = false;
        Delivery v = null;
        for (String line : report.split("\n")) {
            if (!reading) {
                reading = line.startsWith(START);
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            Matcher r = RECIPIENT.matcher(Deadline.guard(line));
            Matcher c = COMMAND.matcher(Deadline.guard(line));
            if (r.matches()) {
                v = new Delivery(Text.normalize(r.group(1) != null ? r.group(1) : r.group(2)));
                out.add(v);
            } else if (v == null) {
                continue;
            } else if (c.matches()) {
                v.command = c.group(1);
            } else if (line.startsWith("host:")) {
                v.remoteMta = line.substring(5).strip();
            } else if (ANSWER.matcher(Deadline.guard(line)).find()) {
                if (v.diagnosis.isEmpty()) {
                    v.diagnosis = line;
                }
            } else if (line.equals("Reason:") || v.diagnosis.equals("Reason:")) {
                v.diagnosis = line;
            }
        }
        for (Delivery d : out) {
            d.diagnosis = Text.squeeze(d.diagnosis);
            if (d.diagnosis.contains("delivery retry timeout exceeded")) {
                d.reason = "expired";
            }
        }
        return out.isEmpty() ? null : out;
    }
}
