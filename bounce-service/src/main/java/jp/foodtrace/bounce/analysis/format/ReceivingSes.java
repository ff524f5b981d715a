package jp.foodtrace.bounce.analysis.format;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;
import jp.foodtrace.bounce.analysis.reason.StatusCodes;

/**
 * Amazon SES receiving mail for a domain ("This message could not be delivered."), with a
 * delivery report; SES's own wordings settle the reason, otherwise the status code does. As in
 * Sisimai's Lhost::ReceivingSES.
 */
public final class ReceivingSes implements BounceFormat {
    private static final String START = "This message could not be delivered.";
    private static final Pattern GENERIC = Pattern.compile("^[45]\\.[01]\\.0$");
    private static final Pattern QUOTED = Pattern.compile("[\"'](\\d\\.\\d\\.\\d.+)['\"]");
    private static final String[][] MESSAGES = {
            {"filtered", "Mailbox does not exist"}, {"mesgtoobig", "Message too large"},
            {"mailboxfull", "Mailbox full"}, {"contenterror", "Message content rejected"}};

    @Override
    public String name() {
        return "ReceivingSES";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (mail.headers().get("x-ses-outgoing").isEmpty()) {
            return null;
        }
        String report = mail.report();
        int start = report.indexOf(START);
        if (start < 0) {
            return null;
        }
        List<Delivery> found = Rfc3464.fields(report.substring(start));
        if (found.isEmpty()) {
            return null;
        }
        for (Delivery d : found) {
            if (GENERIC.matcher(Deadline.guard(d.status)).matches()) {
                Matcher q = QUOTED.matcher(Deadline.guard(d.diagnosis));
                String s = StatusCodes.find(q.find() ? q.group(1) : d.diagnosis);
                d.status = s.isEmpty() ? d.status : s;
            }
            for (String[] m : MESSAGES) {
                if (d.diagnosis.contains(m[1])) {
                    d.reason = m[0];
                    break;
                }
            }
            if (d.reason.isEmpty()) {
                d.reason = StatusCodes.reasonOf(d.status);
            }
        }
        return found;
    }
}
