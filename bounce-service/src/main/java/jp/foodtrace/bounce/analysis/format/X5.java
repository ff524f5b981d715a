package jp.foodtrace.bounce.analysis.format;

import java.util.List;

import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * An unnamed layout of the reference corpus: sent to "NotificationRecipients", with "Mail
 * Delivery Subsystem" in the MIME-encoded From and Subject (two of the three), and the delivery
 * report not in the notice itself but inside the attached message. As in Sisimai's Lhost::X5.
 */
public final class X5 implements BounceFormat {
    private static final String SENDER = "Mail Delivery Subsystem";

    @Override
    public String name() {
        return "X5";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        int hints = 0;
        if (mail.headers().get("to").contains("NotificationRecipients")) {
            hints++;
        }
        if (mail.headers().get("from").contains(SENDER)) {
            hints++;
        }
        if (mail.headers().get("subject").contains(SENDER)) {
            hints++;
        }
        if (hints < 2) {
            return null;
        }
        String body = mail.body();
        int attached = body.indexOf(MailMessage.ORIGINAL_MARK);
        if (attached < 0) {
            return null;
        }
        String section = Sections.after(body.substring(attached), MailMessage.REPORT_MARK);
        if (section == null) {
            return null;
        }
        int next = section.indexOf(MailMessage.ORIGINAL_MARK);
        List<Delivery> found = Rfc3464.fields(next < 0 ? section : section.substring(0, next));
        return found.isEmpty() ? null : found;
    }
}
