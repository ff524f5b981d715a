package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * Trustwave MailMarshal SMTP: "Undeliverable Mail: \"subject\"", the reason after "Could not
 * be delivered because of" up to "The following recipients were affected:", then the
 * indented addresses. As in Sisimai's Lhost::MailMarshalSMTP.
 */
public final class MailMarshal implements BounceFormat {
    private static final Pattern RECIPIENT = Pattern.compile("^[ \\t]{4}([^ ]+@[^ ]+)$");
    private static final String ERROR = "Could not be delivered because of";
    private static final String RECIPIENTS = "The following recipients were affected:";

    @Override
    public String name() {
        return "MailMarshalSMTP";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().get("subject").startsWith("Undeliverable Mail: \"")) {
            return null;
        }
        List<Delivery> out = new ArrayList<>();
        StringBuilder diagnosis = new StringBuilder();
        boolean reading = false;
        boolean inError = false;
        for (String line : mail.report().split("\n")) {
            if (!reading) {
                reading = line.startsWith("Your message:");
            }
            if (!reading) {
                continue;
            }
            Matcher r = RECIPIENT.matcher(Deadline.guard(line));
            if (r.matches()) {
                out.add(new Delivery(Text.normalize(r.group(1))));
            } else if (line.equals(ERROR)) {
                diagnosis.setLength(0);
                diagnosis.append(line);
                inError = true;
            } else if (inError) {
                if (line.startsWith(RECIPIENTS)) {
                    inError = false;
                } else {
                    diagnosis.append(' ').append(line);
                }
            }
        }
        for (Delivery d : out) {
            d.diagnosis = Text.squeeze(diagnosis.toString());
        }
        return out.isEmpty() ? null : out;
    }
}
