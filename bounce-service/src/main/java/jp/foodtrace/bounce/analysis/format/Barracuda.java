package jp.foodtrace.bounce.analysis.format;

import java.util.List;

import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * Barracuda Spam Firewall: Subject "Message you sent blocked by our bulk email filter", a
 * notice opening with "Your message to:", an RFC 3464 report and the returned headers. As in
 * Sisimai's Lhost::Barracuda.
 */
public final class Barracuda implements BounceFormat {
    @Override
    public String name() {
        return "Barracuda";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (mail.headers().get("subject").indexOf("our bulk email filter") <= 0) {
            return null;
        }
        String section = Sections.after(mail.report(), "Your message to:");
        if (section == null) {
            return null;
        }
        List<Delivery> found = Rfc3464.fields(section);
        return found.isEmpty() ? null : found;
    }
}
