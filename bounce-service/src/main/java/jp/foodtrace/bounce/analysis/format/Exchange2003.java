package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.Headers;
import jp.foodtrace.bounce.analysis.mime.MailMessage;
import jp.foodtrace.bounce.analysis.reason.StatusCodes;

/**
 * Microsoft Exchange 5.5 to 2003: "Your message ... did not reach the following
 * recipient(s):", then "address on date" and an "MSEXCH:..." line whose hexadecimal code names
 * the failure. Codes as in Sisimai's Lhost::Exchange2003.
 */
public final class Exchange2003 implements BounceFormat {
    private static final Pattern MSEXCH = Pattern.compile("^[ \\t]+(MSEXCH:.+)$");
    private static final Pattern CODE = Pattern.compile("^MSEXCH:.+[ \\t]*\\(([0-9A-F]{8})\\)[ \\t]*(.*)$");
    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("000B099C", "onhold"), Map.entry("000B09AA", "onhold"), Map.entry("000B09B6", "onhold"),
            Map.entry("000C05A6", "userunknown"), Map.entry("00010256", "systemerror"),
            Map.entry("000D06B5", "systemerror"), Map.entry("00120270", "networkerror"),
            Map.entry("00050311", "contenterror"), Map.entry("000502CC", "contenterror"),
            Map.entry("000B0981", "securityerror"), Map.entry("000C0595", "filtered"));

    @Override
    public String name() {
        return "Exchange2003";
    }

    private static boolean isExchange(Headers h) {
        if (h.has("x-ms-embedded-report")) {
            return true;
        }
        String mailer = h.get("x-mailer");
        if (mailer.startsWith("Internet Mail Service (")
                || mailer.startsWith("Microsoft Exchange Server Internet Mail Connector")
                || h.get("x-mimeole").startsWith("Produced By Microsoft Exchange")) {
            return true;
        }
        return h.all("received").stream().anyMatch(r -> r.contains(" with Internet Mail Service ("));
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!isExchange(mail.headers())) {
            return null;
        }
        String report = mail.report();
        List<Delivery> out = new ArrayList<>();
        List<Boolean> closed = new ArrayList<>();
        List<StringBuilder> other = new ArrayList<>();
        boolean reading = false;
        boolean done = false;
        int headersSeen = 0;
        for (String line : report.split("\n")) {
            if (!reading) {
                reading = line.startsWith("Your message");
                continue;
            }
            if (done || line.isEmpty()) {
                continue;
            }
            if (headersSeen < 3) {
                String t = line.strip();
                if (line.startsWith(" ") || line.startsWith("\t")) {
                    if (t.startsWith("To:") || t.startsWith("Subject:") || t.startsWith("Sent:")) {
                        headersSeen++;
                    }
                }
                continue;
            }
            String recipient = recipient(line);
            Matcher x = MSEXCH.matcher(Deadline.guard(line));
            if (recipient != null) {
                out.add(new Delivery(Text.normalize(recipient)));
                closed.add(false);
                other.add(new StringBuilder());
            } else if (out.isEmpty()) {
                continue;
            } else if (x.matches()) {
                Delivery d = out.get(out.size() - 1);
                d.diagnosis += x.group(1);
            } else {
                int i = out.size() - 1;
                if (closed.get(i)) {
                    continue;
                }
                Delivery d = out.get(i);
                if (d.diagnosis.startsWith("MSEXCH:")) {
                    closed.set(i, true);
                    d.diagnosis += " " + line;
                    done = true;
                } else {
                    other.get(i).append(' ').append(line);
                }
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        for (int i = 0; i < out.size(); i++) {
            Delivery d = out.get(i);
            d.diagnosis = Text.squeeze(d.diagnosis);
            Matcher c = CODE.matcher(Deadline.guard(d.diagnosis));
            if (c.matches()) {
                String reason = CODES.get(c.group(1));
                if (reason != null) {
                    d.reason = reason;
                    d.status = StatusCodes.pseudoCode(reason, false);
                }
                d.diagnosis = c.group(2);
            }
            if (d.reason.isEmpty()) {
                d.diagnosis = Text.squeeze(other.get(i) + " " + d.diagnosis);
            }
        }
        return out;
    }

    /**
     * The address of a recipient line, {@code "  a@example.jp on 4/9/2015 10:00 AM"} or
     * {@code "  Name (SMTP=a@example.jp) on ..."}, or null. What the patterns
     * {@code ^[ \t]*([^ ]+@[^ ]+) on[ \t]*.*$} and {@code ^[ \t]*.+(?:SMTP|smtp)=([^ ]+@[^ ]+) on[ \t]*.*$}
     * took, found in linear time: the address is a run without spaces, followed by " on".
     */
    static String recipient(String line) {
        Deadline.check();
        int n = line.length();
        int start = 0;
        while (start < n && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
            start++;
        }
        int space = line.indexOf(' ', start);
        if (space > start && line.startsWith(" on", space) && innerAt(line, start, space)) {
            return line.substring(start, space);
        }
        // the last "SMTP=" or "smtp=" (after at least one character) whose address is followed by " on"
        int nextSpace = n;
        int scannedFrom = n;
        int firstAt = -1;
        int secondAt = -1;
        for (int i = n - 5; i >= 1; i--) {
            char c = line.charAt(i);
            if ((c != 'S' && c != 's') || !(line.startsWith("SMTP=", i) || line.startsWith("smtp=", i))) {
                continue;
            }
            int from = i + 5;
            for (int j = scannedFrom - 1; j >= from; j--) {
                char d = line.charAt(j);
                if (d == ' ') {
                    nextSpace = j;
                } else if (d == '@') {
                    secondAt = firstAt;
                    firstAt = j;
                }
            }
            scannedFrom = from;
            int at = firstAt > from ? firstAt : secondAt;
            if (nextSpace > from && line.startsWith(" on", nextSpace) && at > from && at < nextSpace - 1) {
                return line.substring(from, nextSpace);
            }
        }
        return null;
    }

    /** Whether text[from, to) has an '@' with at least one character on each side. */
    private static boolean innerAt(String text, int from, int to) {
        for (int i = from + 1; i < to - 1; i++) {
            if (text.charAt(i) == '@') {
                return true;
            }
        }
        return false;
    }
}
