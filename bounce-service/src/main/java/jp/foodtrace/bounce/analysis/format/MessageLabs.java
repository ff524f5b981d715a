package jp.foodtrace.bounce.analysis.format;

import java.util.List;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * Symantec MessageLabs: "Mail Delivery Failure" from MAILER-DAEMON@messagelabs.com with a
 * delivery report; two wordings of its own settle the reason. As in Sisimai's
 * Lhost::MessageLabs.
 */
public final class MessageLabs implements BounceFormat {
    private static final Pattern USER_UNKNOWN = Pattern.compile("542 .+ Rejected|No such user");
    private static final String AUTHENTICATION = "Please turn on SMTP Authentication in your mail client";

    @Override
    public String name() {
        return "MessageLabs";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().has("x-msg-ref") || !mail.headers().get("from").contains("MAILER-DAEMON@messagelabs.com")
                || !mail.headers().get("subject").startsWith("Mail Delivery Failure")) {
            return null;
        }
        List<Delivery> found = Rfc3464.fields(mail.report());
        if (found.isEmpty()) {
            return null;
        }
        for (Delivery d : found) {
            if (USER_UNKNOWN.matcher(Deadline.guard(d.diagnosis)).find()) {
                d.reason = "userunknown";
            } else if (d.diagnosis.contains(AUTHENTICATION)) {
                d.reason = "securityerror";
            }
        }
        return found;
    }
}
