package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.Headers;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * Apache James: "[BOUNCE]" or a JavaMail Message-ID, the error after "Error message below:"
 * and the recipients as "  RCPT TO: address" under "Message details:". As in Sisimai's
 * Lhost::ApacheJames.
 */
public final class ApacheJames implements BounceFormat {
    private static final Pattern RECIPIENT = Pattern.compile("^  RCPT TO: ([^ ]+@[^ ]+)$");
    private static final Pattern SENT = Pattern.compile("^  Sent date: (.+)$");
    private static final String ERROR = "Error message below:";

    @Override
    public String name() {
        return "ApacheJames";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        Headers h = mail.headers();
        if (!h.get("subject").equals("[BOUNCE]") && !h.get("message-id").contains(".JavaMail.")
                && h.all("received").stream().noneMatch(r -> r.contains("JAMES SMTP Server"))) {
            return null;
        }
        List<Delivery> out = new ArrayList<>();
        StringBuilder diagnosis = new StringBuilder();
        boolean gotMessage = false;
        String date = "";
        for (String line : mail.report().split("\n")) {
            Matcher r = RECIPIENT.matcher(Deadline.guard(line));
            Matcher s = SENT.matcher(Deadline.guard(line));
            if (r.matches()) {
                out.add(new Delivery(Text.normalize(r.group(1))));
            } else if (s.matches()) {
                date = s.group(1);
            } else if (line.startsWith("  Subject: ") || gotMessage) {
                continue;
            } else if (diagnosis.length() > 0) {
                if (line.equals("Message details:")) {
                    gotMessage = true;
                } else {
                    diagnosis.append(' ').append(line);
                }
            } else if (line.equals(ERROR)) {
                diagnosis.append(line);
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        for (Delivery d : out) {
            d.diagnosis = Text.squeeze(diagnosis.toString());
            d.date = date;
        }
        return out;
    }
}
