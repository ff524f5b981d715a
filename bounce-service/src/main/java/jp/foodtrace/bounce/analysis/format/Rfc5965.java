package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * RFC 5965 abuse reports (ARF): a complaint about a message, reported by the recipient's
 * mailbox provider. The complaining address is in Original-Rcpt-To or Removal-Recipient, else
 * in the To of the quoted message.
 */
public final class Rfc5965 implements BounceFormat {
    /** The recipient of a complaint that names none (RFC 2606 reserves .invalid). */
    public static final String UNDISCLOSED_RECIPIENT = "undisclosed-recipient-in-headers@libsisimai.org.invalid";
    private static final int MAX_DIAGNOSIS = 4096;

    private static final Pattern FEEDBACK_TYPE = Pattern.compile("(?im)^Feedback-Type:\\s*([\\w.-]+)");
    private static final Pattern RECIPIENT_FIELD = Pattern.compile(
            "(?im)^(?:Original-Rcpt-To|Removal-Recipient):\\s*(.+)$");
    private static final Pattern JUNK_MAIL_FROM = Pattern.compile(
            "(?:staff@hotmail\\.com|complaints@email-abuse\\.amazonses\\.com)$");
    private static final Pattern JUNK_MAIL_RECIPIENT = Pattern.compile("(?m)X-HmXmrOriginalRecipient:[ ]*(.+)$");
    private static final Pattern ARRIVAL = Pattern.compile("(?im)^(?:Arrival-Date|Received-Date):\\s*(.+)$");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>,;\"':]+@[^\\s<>,;\"':]+");

    @Override
    public String name() {
        return "Feedback-Loop";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        String contentType = mail.headers().get("content-type").toLowerCase(Locale.ROOT);
        String body = mail.body();
        boolean declared = contentType.contains("report-type=feedback-report")
                || contentType.contains("report-type=\"feedback-report\"");
        if (!declared && !hasFeedbackType(mail.report()) && !junkMailReport(mail)) {
            return null;
        }
        if (!declared && junkMailReport(mail)) {
            return junkMailRecipients(mail);
        }
        Matcher ft = FEEDBACK_TYPE.matcher(Deadline.guard(mail.report()));
        if (!declared && !ft.find()) {
            return null;
        }
        if (declared && !ft.find()) {
            ft = null;
        }
        String feedbackType = ft == null ? "" : ft.group(1).toLowerCase(Locale.ROOT);
        Set<String> recipients = new LinkedHashSet<>();
        Matcher rf = RECIPIENT_FIELD.matcher(Deadline.guard(mail.report()));
        while (rf.find()) {
            addAll(rf.group(1), recipients);
        }
        if (recipients.isEmpty()) {
            addAll(mail.original().get("to"), recipients);
        }
        if (recipients.isEmpty()) {
            // still a complaint, which counts against the sender's complaint rate: a reserved
            // (.invalid) placeholder as in Sisimai stands for the undisclosed recipient
            recipients.add(UNDISCLOSED_RECIPIENT);
        }
        String arrival = "";
        Matcher ad = ARRIVAL.matcher(Deadline.guard(body));
        if (ad.find()) {
            arrival = ad.group(1).trim();
        }
        String prose = Rfc3464.prose(mail.report());
        // the human-readable part of a report is a few lines; a huge one is cut, not read whole
        String diagnosis = Text.squeeze(prose.length() > 2 * MAX_DIAGNOSIS ? prose.substring(0, 2 * MAX_DIAGNOSIS) : prose);
        if (diagnosis.length() > MAX_DIAGNOSIS) {
            diagnosis = diagnosis.substring(0, MAX_DIAGNOSIS);
        }
        List<Delivery> out = new ArrayList<>();
        for (String r : recipients) {
            Delivery d = new Delivery(r);
            d.reason = "feedback";
            d.feedbackType = feedbackType;
            d.date = arrival;
            d.diagnosis = diagnosis;
            out.add(d);
        }
        return out;
    }

    /** Cheap test before the pattern: "Feedback-Type:" in any usual capitalisation. */
    private static boolean hasFeedbackType(String report) {
        for (String anchor : new String[] {"back-", "BACK-", "Back-"}) {
            for (int i = report.indexOf(anchor); i >= 0; i = report.indexOf(anchor, i + 1)) {
                if (i >= 4 && report.regionMatches(true, i - 4, "feedback-type:", 0, 14)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Microsoft's junk mail reporting program and Amazon SES complaints: a multipart/mixed
     * message from a fixed sender, "complaint about message from IP", with the reported message
     * attached and the complaining address in its X-HmXmrOriginalRecipient header.
     */
    private static boolean junkMailReport(MailMessage mail) {
        return mail.headers().get("subject").contains("complaint about message from ")
                && mail.headers().get("content-type").toLowerCase(Locale.ROOT).contains("multipart/mixed")
                && JUNK_MAIL_FROM.matcher(Deadline.guard(Text.address(mail.headers().get("from")))).find();
    }

    private static List<Delivery> junkMailRecipients(MailMessage mail) {
        Set<String> recipients = new LinkedHashSet<>();
        Matcher m = JUNK_MAIL_RECIPIENT.matcher(Deadline.guard(mail.body()));
        while (m.find()) {
            addAll(m.group(1), recipients);
        }
        if (recipients.isEmpty()) {
            addAll(mail.original().get("to"), recipients);
        }
        List<Delivery> out = new ArrayList<>();
        for (String r : recipients) {
            Delivery d = new Delivery(r);
            d.reason = "feedback";
            d.feedbackType = "abuse";
            d.date = mail.headers().get("date");
            d.diagnosis = "complaint about message from " + Text.squeeze(
                    afterLast(mail.headers().get("subject"), "complaint about message from "));
            out.add(d);
        }
        return out.isEmpty() ? null : out;
    }

    private static void addAll(String text, Set<String> into) {
        Matcher m = ADDRESS.matcher(Deadline.guard(text));
        while (m.find()) {
            into.add(Text.normalize(m.group()));
        }
    }

    /**
     * What follows the last occurrence of {@code marker} on the first line that has one (the
     * subject line otherwise unchanged): the text {@code .*marker} would replace, without its
     * backtracking.
     */
    private static String afterLast(String text, String marker) {
        int at = text.indexOf(marker);
        if (at < 0) {
            return text;
        }
        int lineStart = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('\r', at)) + 1;
        int lineEnd = at;
        while (lineEnd < text.length() && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
            lineEnd++;
        }
        int last = text.lastIndexOf(marker, lineEnd - marker.length());
        return text.substring(0, lineStart) + text.substring(last + marker.length());
    }
}
