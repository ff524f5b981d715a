package jp.foodtrace.bounce.analysis.format;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;
import jp.foodtrace.bounce.analysis.reason.StatusCodes;

/**
 * Amazon WorkMail: sent through SES ({@code X-SES-Outgoing}) by "Amazon WorkMail"
 * ({@code X-Mailer} or {@code X-Original-Mailer}); an RFC 3464 report after "Technical
 * report:", before the HTML copy of the notice. Its status is often the generic x.0.0 or x.1.0
 * while the quoted remote answer holds the precise code, and the remote reply code is written
 * in angle brackets ("&lt;421 4.4.2 Connection timed out&gt;"). As in Sisimai's
 * Lhost::AmazonWorkMail.
 */
public final class AmazonWorkMail implements BounceFormat {
    private static final String MAILER = "Amazon WorkMail";
    private static final Pattern GENERIC = Pattern.compile("[45]\\.[01]\\.0");
    private static final Pattern QUOTED = Pattern.compile("[\"'](\\d\\.\\d\\.\\d[^\"']*+)[\"']");
    private static final Pattern BRACKETED_REPLY = Pattern.compile("<([245]\\d\\d) [^>]++>");

    @Override
    public String name() {
        return "AmazonWorkMail";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        String mailer = mail.headers().get("x-original-mailer").strip();
        if (mailer.isEmpty()) {
            mailer = mail.headers().get("x-mailer").strip();
        }
        if (!mail.headers().has("x-ses-outgoing") || !mailer.equals(MAILER)) {
            return null;
        }
        String section = Sections.after(mail.report(), "Technical report:");
        if (section == null) {
            return null;
        }
        List<Delivery> found = Rfc3464.fields(Sections.before(section, "<!DOCTYPE HTML><html>"));
        for (Delivery d : found) {
            if (GENERIC.matcher(Deadline.guard(d.status)).matches()) {
                Matcher q = QUOTED.matcher(Deadline.guard(d.diagnosis));
                String precise = StatusCodes.find(q.find() ? q.group(1) : d.diagnosis);
                if (!precise.isEmpty()) {
                    d.status = precise;
                }
            }
            Matcher r = BRACKETED_REPLY.matcher(Deadline.guard(d.diagnosis));
            if (r.find()) {
                d.replyCode = r.group(1);
            }
            d.reason = StatusCodes.reasonOf(d.status);
        }
        return found.isEmpty() ? null : found;
    }
}
