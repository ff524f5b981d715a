package jp.foodtrace.bounce.analysis.format;

import java.util.List;

import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * AOL's mail servers (Postfix underneath): the {@code X-AOL-IP} header, an RFC 3464 report,
 * and two sentences of their own for domains that cannot be resolved. As in Sisimai's
 * Lhost::Aol.
 */
public final class Aol implements BounceFormat {
    private static final String[][] MESSAGES = {
            {"hostunknown", "Host or domain name not found"},
            {"notaccept", "type=MX: Malformed or unexpected name server reply"}};

    @Override
    public String name() {
        return "Aol";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().has("x-aol-ip")) {
            return null;
        }
        String section = Sections.after(mail.report(), MailMessage.REPORT_MARK);
        if (section == null) {
            return null;
        }
        List<Delivery> found = Rfc3464.fields(section);
        for (Delivery d : found) {
            d.reason = Text.reasonFor(d.diagnosis, MESSAGES);
        }
        return found.isEmpty() ? null : found;
    }
}
