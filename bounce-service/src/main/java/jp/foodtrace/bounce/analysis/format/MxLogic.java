package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * McAfee SaaS Email Protection, formerly MX Logic (Exim underneath): {@code X-MX-Bounce},
 * {@code X-MXL-Hash} or {@code X-MXL-NoteHash} headers, or Exim's sender and subjects together
 * with MX Logic's own "Included is a copy of the message header:" line; after Exim's "This
 * message was created automatically by mail delivery software.", one "&lt;address&gt;: error"
 * line per recipient, continued on the next lines. Exim's wordings name the SMTP stage and the
 * reason. As in Sisimai's Lhost::MXLogic.
 */
public final class MxLogic implements BounceFormat {
    private static final String START = "This message was created automatically by mail delivery software.";
    private static final String ORIGINAL = "Included is a copy of the message header:";
    private static final Pattern SUBJECT = Pattern.compile(
            "Mail delivery failed(?:: returning message to sender)?|Warning: message [^ ]++ delayed +|Delivery Status Notification");
    private static final Pattern RECIPIENT = Pattern.compile("^[ \\t]*+<([^ <>@]++@[^ <>]++)>:(.+)$");
    private static final Pattern[] COMMANDS = {
            Pattern.compile("SMTP error from remote (?:mail server|mailer) after ([A-Za-z]{4})"),
            Pattern.compile("SMTP error from remote (?:mail server|mailer) after end of ([A-Za-z]{4})")};

    @Override
    public String name() {
        return "MXLogic";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        var h = mail.headers();
        boolean header = h.has("x-mx-bounce") || h.has("x-mxl-hash") || h.has("x-mxl-notehash");
        if (!header) {
            boolean eximLike = h.get("from").strip().startsWith("Mail Delivery System")
                    || SUBJECT.matcher(Deadline.guard(h.get("subject"))).find();
            // Exim itself sends the same sender and subjects: MX Logic's own line decides
            if (!eximLike || Sections.lineStarting(mail.body(), ORIGINAL) < 0) {
                return null;
            }
        }
        String section = Sections.after(mail.report(), START);
        if (section == null) {
            return null;
        }
        int cut = Sections.lineStarting(section, ORIGINAL);
        if (cut >= 0) {
            if (mail.original().isEmpty()) {
                mail.originalFrom(section.substring(cut + ORIGINAL.length()));
            }
            section = section.substring(0, cut);
        }
        List<Delivery> out = new ArrayList<>();
        for (String line : section.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher r = RECIPIENT.matcher(Deadline.guard(line));
            if (r.matches()) {
                Delivery d = new Delivery(Text.address(r.group(1)));
                d.diagnosis = r.group(2);
                out.add(d);
            } else if (!out.isEmpty()) {
                Delivery d = out.get(out.size() - 1);
                d.diagnosis = d.diagnosis + " " + line;
            }
        }
        out.removeIf(d -> d.recipient.isEmpty());
        for (Delivery d : out) {
            int dashes = d.diagnosis.indexOf("--");
            d.diagnosis = Text.squeeze(dashes < 0 ? d.diagnosis : d.diagnosis.substring(0, dashes));
            d.command = command(d.diagnosis);
            if (d.command.equals("MAIL")) {
                d.reason = "rejected";
            } else if (d.command.equals("HELO") || d.command.equals("EHLO")) {
                d.reason = "blocked";
            } else {
                d.reason = Text.reasonFor(d.diagnosis, Exim.MESSAGES);
                if (d.reason.isEmpty() && Exim.DELAYED.stream().anyMatch(d.diagnosis::contains)) {
                    d.reason = "expired";
                }
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static String command(String diagnosis) {
        for (Pattern p : COMMANDS) {
            Matcher m = p.matcher(Deadline.guard(diagnosis));
            if (m.find()) {
                return m.group(1).toUpperCase(java.util.Locale.ROOT);
            }
        }
        return "";
    }
}
