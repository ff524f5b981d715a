package jp.foodtrace.bounce.analysis.format;

import java.util.List;
import java.util.Map;

import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * PowerMTA "Delivery report": a delivery report whose per-recipient groups carry
 * X-PowerMTA-BounceCategory, PowerMTA's own classification. Categories as in Sisimai's
 * Lhost::PowerMTA.
 */
public final class PowerMta implements BounceFormat {
    private static final String CATEGORY = "X-PowerMTA-BounceCategory:";
    private static final Map<String, String> CATEGORIES = Map.of(
            "bad-domain", "hostunknown", "bad-mailbox", "userunknown", "inactive-mailbox", "disabled",
            "message-expired", "expired", "no-answer-from-host", "networkerror", "policy-related", "policyviolation",
            "quota-issues", "mailboxfull", "routing-errors", "systemerror", "spam-related", "spamdetected");

    @Override
    public String name() {
        return "PowerMTA";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().get("subject").contains("Delivery report")) {
            return null;
        }
        String report = mail.report();
        List<Delivery> found = Rfc3464.fields(report);
        if (found.isEmpty()) {
            return null;
        }
        int recipient = -1;
        for (String line : report.split("\n")) {
            if (line.regionMatches(true, 0, "Final-Recipient:", 0, 16)) {
                recipient++;
            } else if (line.startsWith(CATEGORY) && recipient >= 0 && recipient < found.size()) {
                String reason = CATEGORIES.getOrDefault(line.substring(CATEGORY.length()).strip(), "");
                // "disabled" is PowerMTA's word; it is not one of the reasons we report
                found.get(recipient).reason = "disabled".equals(reason) ? "" : reason;
            }
        }
        return found;
    }
}
