package jp.foodtrace.bounce.analysis.format;

import java.util.List;

import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * Courier MTA: From "Courier mail server at host", Subject "NOTICE: mail delivery status." or
 * "WARNING: delayed mail.", or a {@code <courier.HEX.…>} Message-ID; the notice's
 * "UNDELIVERABLE MAIL" or "DELAYS IN DELIVERING YOUR MESSAGE" banner, the SMTP transcript
 * ("&gt;&gt;&gt; RCPT TO:..."), an RFC 3464 report and three sentences of Courier's own about
 * DNS. As in Sisimai's Lhost::Courier.
 */
public final class Courier implements BounceFormat {
    private static final String[][] MESSAGES = {
            {"hostunknown", "No such domain."}, {"systemerror", "This domain's DNS violates RFC 1035."},
            {"networkerror", "DNS lookup failed."}};

    @Override
    public String name() {
        return "Courier";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        String subject = mail.headers().get("subject");
        boolean courier = mail.headers().get("from").contains("Courier mail server at ")
                || subject.contains("NOTICE: mail delivery status.") || subject.contains("WARNING: delayed mail.")
                || isCourierId(mail.headers().get("message-id").strip());
        if (!courier) {
            return null;
        }
        String report = mail.report();
        int undeliverable = report.indexOf("UNDELIVERABLE MAIL");
        int delayed = report.indexOf("DELAYS IN DELIVERING YOUR MESSAGE");
        int start = undeliverable < 0 ? delayed : delayed < 0 ? undeliverable : Math.min(undeliverable, delayed);
        if (start < 0) {
            return null;
        }
        String section = report.substring(start);
        String command = "";
        for (String line : section.split("\n")) {
            if (line.startsWith(">>> ")) {
                command = Bigfoot.commandWord(Text.squeeze(line.substring(4)));
                if (!command.isEmpty()) {
                    break;
                }
            }
        }
        List<Delivery> found = Rfc3464.fields(section);
        for (Delivery d : found) {
            d.reason = Text.reasonFor(d.diagnosis, MESSAGES);
            if (d.command.isEmpty()) {
                d.command = command;
            }
        }
        return found.isEmpty() ? null : found;
    }

    /** "&lt;courier.0000000056A7B1B8.00001234@host&gt;": "courier.", upper-case hex digits, a dot. */
    private static boolean isCourierId(String id) {
        if (!id.startsWith("<courier.")) {
            return false;
        }
        int i = 9;
        while (i < id.length() && (Character.isDigit(id.charAt(i)) || id.charAt(i) >= 'A' && id.charAt(i) <= 'F')) {
            i++;
        }
        return i > 9 && i < id.length() && id.charAt(i) == '.';
    }
}
