package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;
import jp.foodtrace.bounce.analysis.reason.StatusCodes;

/**
 * 1&amp;1 (IONOS, kundenserver.de): an Exim-like notice with the address alone on a line and
 * the error after "For the following reason:", then "--- The header of the original message
 * is following. ---". As in Sisimai's Lhost::EinsUndEins.
 */
public final class EinsUndEins implements BounceFormat {
    private static final String SUBJECT = "Mail delivery failed: returning message to sender";
    private static final String START = "This message was created automatically by mail delivery software";
    private static final String ERROR = "For the following reason:";
    private static final String ORIGINAL = "--- The header of the original message is following. ---";
    private static final Pattern RECIPIENT = Pattern.compile("^([^ ]+@[^ ]+?):?$");
    private static final Pattern HOST_REASON = Pattern.compile("host: +(.+?) +.+ +reason:.+");

    @Override
    public String name() {
        return "EinsUndEins";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().get("from").startsWith("\"Mail Delivery System\"")
                || !mail.headers().get("subject").equals(SUBJECT)) {
            return null;
        }
        String report = mail.report();
        int cut = report.indexOf(ORIGINAL);
        if (cut < 0) {
            return null;
        }
        if (mail.original().isEmpty()) {
            mail.originalFrom(report.substring(cut + ORIGINAL.length()));
        }
        report = report.substring(0, cut);
        List<Delivery> out = new ArrayList<>();
        List<StringBuilder> other = new ArrayList<>();
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
                other.add(new StringBuilder());
            } else if (v == null) {
                continue;
            } else if (line.startsWith(ERROR)) {
                v.diagnosis = line;
            } else if (!v.diagnosis.isEmpty()) {
                v.diagnosis = v.diagnosis + " " + line;
            } else {
                other.get(other.size() - 1).append(' ').append(line);
            }
        }
        for (int i = 0; i < out.size(); i++) {
            Delivery d = out.get(i);
            if (d.diagnosis.isEmpty()) {
                d.diagnosis = other.get(i).toString();
            }
            if (HOST_REASON.matcher(Deadline.guard(d.diagnosis)).find()) {
                if (d.diagnosis.contains("for TEXT command")) {
                    d.command = "DATA";
                }
                d.status = StatusCodes.find(d.diagnosis);
            } else {
                d.diagnosis = d.diagnosis.replace(ERROR, "");
            }
            d.diagnosis = Text.squeeze(d.diagnosis);
            if (d.diagnosis.contains("Mail size limit exceeded")) {
                d.reason = "mesgtoobig";
            }
        }
        return out.isEmpty() ? null : out;
    }
}
