package jp.foodtrace.bounce.analysis.format;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.Headers;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * RFC 3834 automatic responses (vacation, out of office). The recipient is the address that
 * answered; the reason is {@code vacation}. Daemons and root are excluded: their automatic
 * messages are bounces or system mail, not absence notices.
 */
public final class Rfc3834 implements BounceFormat {
    private static final Pattern AUTO_SUBMITTED = Pattern.compile("auto-(?:generated|replied|notified)");
    private static final Pattern SUPPRESS = Pattern.compile("oof|autoreply");
    private static final Pattern SUBJECT = Pattern.compile(
            "^(?:auto:|auto response:|automatic reply:|auto reply:|out of (?:the )*office:)");
    private static final Pattern EXCLUDED_SUBJECT = Pattern.compile("security information for|mail failure -");
    private static final Pattern EXCLUDED_FROM = Pattern.compile("(?:root|postmaster|mailer-daemon)@");

    @Override
    public String name() {
        return "RFC3834";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        Headers h = mail.headers();
        String subject = h.get("subject").toLowerCase(Locale.ROOT);
        if (EXCLUDED_SUBJECT.matcher(Deadline.guard(subject)).find()
                || EXCLUDED_FROM.matcher(Deadline.guard(h.get("from").toLowerCase(Locale.ROOT))).find()
                || h.get("to").toLowerCase(Locale.ROOT).contains("root@")) {
            return null;
        }
        boolean auto = AUTO_SUBMITTED.matcher(Deadline.guard(h.get("auto-submitted").toLowerCase(Locale.ROOT))).lookingAt()
                || SUPPRESS.matcher(Deadline.guard(h.get("x-auto-response-suppress").toLowerCase(Locale.ROOT))).find()
                || h.get("x-apple-action").equalsIgnoreCase("vacation")
                || h.get("precedence").equalsIgnoreCase("auto_reply")
                || SUBJECT.matcher(Deadline.guard(subject)).find();
        if (!auto) {
            return null;
        }
        String from = Text.address(h.get("from"));
        if (from.isEmpty()) {
            from = Text.address(h.get("return-path"));
        }
        if (from.isEmpty()) {
            return null;
        }
        Delivery d = new Delivery(from);
        d.reason = "vacation";
        d.date = h.get("date");
        String body = mail.report().strip();
        String[] lines = body.split("\n", 6);
        d.diagnosis = Text.squeeze(String.join(" ", java.util.Arrays.copyOf(lines, Math.min(5, lines.length))));
        return List.of(d);
    }
}
