package jp.foodtrace.bounce.analysis.format;

import java.util.List;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.Headers;
import jp.foodtrace.bounce.analysis.mime.MailMessage;
import jp.foodtrace.bounce.analysis.reason.StatusCodes;

/**
 * Microsoft 365 (Exchange Online) non-delivery reports: recognised by at least two of its
 * headers, read from the delivery report; Exchange Online's extended status codes (5.1.10,
 * 5.7.509, 4.7.650 ...) say the reason. Codes as in Sisimai's Lhost::Office365.
 */
public final class Office365 implements BounceFormat {
    private static final Pattern OUTLOOK_HOST = Pattern.compile("\\S\\.(?:outbound\\.protection|prod)\\.outlook\\.com\\b");
    private static final String RCPT = "unknown recipient or mailbox unavailable ->";
    private static final String[][] STATUSES = {
            {"4\\.4\\.7", "expired"}, {"4\\.4\\.312", "networkerror"}, {"4\\.4\\.316", "expired"},
            {"4\\.7\\.26", "securityerror"}, {"4\\.7\\.[56]\\d\\d", "blocked"}, {"4\\.7\\.8[5-9]\\d", "blocked"},
            {"5\\.0\\.350", "contenterror"}, {"5\\.1\\.10", "userunknown"}, {"5\\.4\\.1", "norelaying"},
            {"5\\.4\\.6", "networkerror"}, {"5\\.4\\.312", "networkerror"}, {"5\\.4\\.316", "expired"},
            {"5\\.6\\.11", "contenterror"}, {"5\\.7\\.1", "rejected"}, {"5\\.7\\.1[23]", "rejected"},
            {"5\\.7\\.124", "rejected"}, {"5\\.7\\.13[3-6]", "rejected"}, {"5\\.7\\.23", "blocked"},
            {"5\\.7\\.25", "networkerror"}, {"5\\.7\\.50[1-3]", "spamdetected"}, {"5\\.7\\.50[4-5]", "filtered"},
            {"5\\.7\\.50[6-7]", "blocked"}, {"5\\.7\\.508", "toomanyconn"}, {"5\\.7\\.509", "securityerror"},
            {"5\\.7\\.510", "notaccept"}, {"5\\.7\\.511", "rejected"}, {"5\\.7\\.512", "securityerror"},
            {"5\\.7\\.57", "securityerror"}, {"5\\.7\\.60[6-9]", "blocked"}, {"5\\.7\\.6[1-4]\\d", "blocked"},
            {"5\\.7\\.7[0-4]\\d", "toomanyconn"}};

    private static final Pattern[] STATUS_PATTERNS = java.util.Arrays.stream(STATUSES)
            .map(s -> Pattern.compile(s[0])).toArray(Pattern[]::new);
    private static final Pattern START = Pattern.compile(
            "^(?:Delivery has failed to these recipients or groups:|Original Message Details"
                    + "|.+ rejected your message to the following e-?mail addresses:)");
    private static final Pattern ERROR = Pattern.compile("^(?:Diagnostic information for administrators:|Error Details)");
    private static final Pattern END = Pattern.compile("^(?:Original [Mm]essage [Hh]eaders:?|Message Hops)");
    private static final String MAILTO = "<mailto:";
    private static final Pattern RECIPIENT_ADDRESS = Pattern.compile("^Recipient Address: +(.+)$");

    /** The human-readable report, for NDRs sent without a delivery-status part. */
    private static List<Delivery> prose(String report) {
        List<Delivery> out = new java.util.ArrayList<>();
        List<StringBuilder> texts = new java.util.ArrayList<>();
        boolean reading = false;
        StringBuilder v = null;
        for (String line : report.split("\n")) {
            if (!reading) {
                reading = START.matcher(Deadline.guard(line)).find();
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            String address = mailto(line);
            if (address == null) {
                java.util.regex.Matcher m = RECIPIENT_ADDRESS.matcher(Deadline.guard(line));
                address = m.find() ? m.group(1) : null;
            }
            if (address != null) {
                out.add(new Delivery(Text.address(address)));
                v = new StringBuilder();
                texts.add(v);
            } else if (v != null) {
                if (ERROR.matcher(Deadline.guard(line)).find()) {
                    v.setLength(0);
                    v.append(line);
                } else if (v.length() > 0) {
                    if (END.matcher(Deadline.guard(line)).find()) {
                        break;
                    }
                    v.append(' ').append(line);
                }
            }
        }
        for (int i = 0; i < out.size(); i++) {
            out.get(i).diagnosis = Text.squeeze(texts.get(i).toString());
        }
        out.removeIf(d -> d.recipient.isEmpty());
        return out;
    }

    @Override
    public String name() {
        return "Office365";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        Headers h = mail.headers();
        int hints = 0;
        hints += h.get("subject").contains("Undeliverable:") ? 1 : 0;
        for (String name : new String[] {"x-ms-exchange-message-is-ndr", "x-microsoft-antispam-prvs",
                "x-exchange-antispam-report-test", "x-exchange-antispam-report-cfa-test",
                "x-ms-exchange-crosstenant-originalarrivaltime", "x-ms-exchange-crosstenant-fromentityheader",
                "x-ms-exchange-transport-crosstenantheadersstamped"}) {
            hints += h.get(name).isEmpty() ? 0 : 1;
        }
        if (hints < 2) {
            for (String r : h.all("received")) {
                if (r.contains(".outlook.com") && OUTLOOK_HOST.matcher(Deadline.guard(r)).find()) {
                    hints++;
                    break;
                }
            }
            if (hints < 2 && h.get("message-id").contains(".outlook.com")
                    && OUTLOOK_HOST.matcher(Deadline.guard(h.get("message-id"))).find()) {
                hints++;
            }
        }
        if (hints < 2) {
            return null;
        }
        List<Delivery> found = Rfc3464.fields(mail.report());
        if (found.isEmpty()) {
            found = prose(mail.report());
        }
        if (found.isEmpty()) {
            return null;
        }
        for (Delivery d : found) {
            if (d.status.isEmpty() || d.status.endsWith(".0.0")) {
                String s = StatusCodes.find(d.diagnosis);
                d.status = s.isEmpty() ? d.status : s;
            }
            if (rcptRefused(d.diagnosis)) {
                d.command = "RCPT";
            }
            for (int i = 0; i < STATUSES.length; i++) {
                if (STATUS_PATTERNS[i].matcher(Deadline.guard(d.status)).matches()) {
                    d.reason = STATUSES[i][1];
                    break;
                }
            }
        }
        return found;
    }

    /**
     * Whether the text says the recipient was refused, as
     * {@code unknown recipient or mailbox unavailable ->.+<?.+@.+\.[a-zA-Z]+>?} finds it: after
     * the phrase, on the same line, an '@' at least two characters on, then later a '.' followed by
     * a letter with at least one character between. Checked in one pass over each line instead of
     * the pattern's nested backtracking.
     */
    static boolean rcptRefused(String text) {
        for (int i = text.indexOf(RCPT); i >= 0; i = text.indexOf(RCPT, i + 1)) {
            Deadline.check();
            int from = i + RCPT.length();
            int at = -1;
            for (int j = from; j < text.length(); j++) {
                char c = text.charAt(j);
                if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                    break;
                }
                if (at < 0) {
                    if (c == '@' && j >= from + 2) {
                        at = j;
                    }
                } else if (c == '.' && j >= at + 2 && j + 1 < text.length()
                        && ((text.charAt(j + 1) | 0x20) >= 'a' && (text.charAt(j + 1) | 0x20) <= 'z')) {
                    return true;
                }
            }
            // a later phrase on the same line has less room, so it cannot match either
            int nl = text.indexOf('\n', from);
            if (nl < 0) {
                return false;
            }
            i = nl;
        }
        return false;
    }

    /**
     * The address of a line {@code "a@example.jp <mailto:a@example.jp>"}: what
     * {@code ^.+@.+<mailto:(.+@.+)>$} captures (the last {@code <mailto:} with an '@' inside
     * characters before it and inside the brackets), found without the pattern's backtracking.
     */
    static String mailto(String line) {
        int n = line.length();
        if (n == 0 || line.charAt(n - 1) != '>' || !line.contains(MAILTO)) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return null;
            }
        }
        int firstAt = line.indexOf('@', 1);
        int lastAt = n >= 3 ? line.lastIndexOf('@', n - 3) : -1;
        for (int k = line.lastIndexOf(MAILTO); k >= 0; k = k == 0 ? -1 : line.lastIndexOf(MAILTO, k - 1)) {
            if (firstAt >= 1 && firstAt <= k - 2 && lastAt >= k + MAILTO.length() + 1) {
                return line.substring(k + MAILTO.length(), n - 1);
            }
        }
        return null;
    }
}
