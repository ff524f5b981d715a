package jp.foodtrace.bounce.analysis.format;

import java.util.List;

import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.Headers;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * Outlook.com / Hotmail delivery reports: recognised by two of its subject and headers, read
 * from the delivery report; two wordings of its own settle the reason. As in Sisimai's
 * Lhost::Outlook.
 */
public final class Outlook implements BounceFormat {
    private static final String[][] MESSAGES = {
            {"hostunknown", "The mail could not be delivered to the recipient because the domain is not reachable"},
            {"userunknown", "Requested action not taken: mailbox unavailable"}};

    @Override
    public String name() {
        return "Outlook";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        Headers h = mail.headers();
        int hints = h.get("subject").contains("Delivery Status Notification") ? 1 : 0;
        hints += h.get("x-message-delivery").isEmpty() ? 0 : 1;
        hints += h.get("x-message-info").isEmpty() ? 0 : 1;
        if (hints < 2 && h.all("received").stream().anyMatch(r -> r.contains(".hotmail.com"))) {
            hints++;
        }
        if (hints < 2) {
            return null;
        }
        List<Delivery> found = Rfc3464.fields(mail.report());
        if (found.isEmpty()) {
            return null;
        }
        for (Delivery d : found) {
            for (String[] m : MESSAGES) {
                if (d.diagnosis.contains(m[1])) {
                    d.reason = m[0];
                    break;
                }
            }
        }
        return found;
    }
}
