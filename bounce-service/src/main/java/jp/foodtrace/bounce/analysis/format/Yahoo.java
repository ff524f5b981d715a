package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * Yahoo! Mail: "Sorry, we were unable to deliver your message", then "&lt;address&gt;:" and
 * "Remote host said: ... [RCPT_TO]" whose bracket names the SMTP command. As in Sisimai's
 * Lhost::Yahoo.
 */
public final class Yahoo implements BounceFormat {
    private static final String START = "Sorry, we were unable to deliver your message";
    private static final String ORIGINAL = "--- Below this line is a copy of the message.";
    private static final Pattern RECIPIENT = Pattern.compile("^<(.[^@]*+@.+)>:[ \\t]*$");
    private static final Pattern COMMAND = Pattern.compile("\\[([A-Z]{4}).*\\]$");
    private static final Pattern ANGLED = Pattern.compile("<.+@.+>");

    @Override
    public String name() {
        return "Yahoo";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().has("x-ymailisg")) {
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
            if (r.matches()) {
                v = new Delivery(Text.normalize(r.group(1)));
                out.add(v);
            } else if (v != null) {
                Matcher c = COMMAND.matcher(Deadline.guard(line));
                if (line.startsWith("Remote host said:")) {
                    v.diagnosis = line;
                    if (c.find()) {
                        v.command = c.group(1);
                    }
                } else if (v.diagnosis.equals("Remote host said:")) {
                    if (c.find()) {
                        v.command = c.group(1);
                    } else {
                        v.diagnosis = line;
                    }
                } else {
                    v.diagnosis = v.diagnosis + " " + line;
                }
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        for (Delivery d : out) {
            d.diagnosis = Text.squeeze(d.diagnosis);
            if (d.command.isEmpty() && ANGLED.matcher(Deadline.guard(d.diagnosis)).find()) {
                d.command = "RCPT";
            }
        }
        return out;
    }
}
