package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * RFC 3464 delivery status notifications: per-recipient field groups (Final-Recipient, Action,
 * Status, Diagnostic-Code ...). Most servers send one, often next to their own prose; the
 * server-specific formats use {@link #fields} and then add what only their prose says.
 */
public final class Rfc3464 implements BounceFormat {
    private static final Pattern STATUS = Pattern.compile("([245]\\.\\d{1,3}\\.\\d{1,3})");

    @Override
    public String name() {
        return "RFC3464";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        List<Delivery> found = fields(mail.report());
        if (found.isEmpty()) {
            return null;
        }
        String prose = prose(mail.report());
        for (Delivery d : found) {
            if (d.command.isEmpty()) {
                d.command = Text.command(d.diagnosis);
            }
            if (d.command.isEmpty()) {
                d.command = Text.command(prose);
            }
            if (!d.hasDiagnosis()) {
                d.diagnosis = ProseScanner.diagnosisFor(prose, d.recipient);
            }
        }
        Delivery first = found.get(0);
        if (!first.hasDiagnosis()) {
            first.diagnosis = errorLines(prose, mail.headers().get("content-type"));
        }
        LocalDeliveryAgent.Verdict local = LocalDeliveryAgent.find(mail);
        if (local != null) {
            LocalDeliveryAgent.apply(local, found);
        }
        return found;
    }

    private static final String[] NOTICE_STARTS = {
            "the original message was received at ", "this report relates to your message",
            "your message could not be delivered", "your message was not delivered to the following recipients"};

    /**
     * The notice's own error lines ("554 ... Service unavailable", "&lt;a@b&gt;: ...") when the
     * report has no Diagnostic-Code: lines of the notice, after its opening sentence (from the
     * start in a MIME message), that begin with an SMTP reply code or an address in angle brackets.
     */
    static String errorLines(String prose, String contentType) {
        boolean reading = contentType.toLowerCase(Locale.ROOT).contains("multipart/");
        StringBuilder out = new StringBuilder();
        for (String line : prose.split("\n")) {
            if (!reading) {
                String lower = line.toLowerCase(Locale.ROOT);
                for (String start : NOTICE_STARTS) {
                    reading |= lower.startsWith(start);
                }
                continue;
            }
            if (line.isEmpty() || line.charAt(0) == ' ' || line.charAt(0) == '-') {
                continue;
            }
            if (startsWithReplyCode(line) || startsWithBracketedAddress(line)) {
                out.append(' ').append(line);
            }
        }
        return Text.squeeze(out.toString()).strip();
    }

    /** "550 " or "550\t": a 4xx/5xx code and blank space. */
    private static boolean startsWithReplyCode(String line) {
        return line.length() > 4 && (line.charAt(0) == '4' || line.charAt(0) == '5')
                && Character.isDigit(line.charAt(1)) && Character.isDigit(line.charAt(2))
                && (line.charAt(3) == ' ' || line.charAt(3) == '\t');
    }

    /** "&lt;local@domain&gt; " or "&lt;local@domain&gt;: " with exactly one '@' inside. */
    private static boolean startsWithBracketedAddress(String line) {
        if (!line.startsWith("<")) {
            return false;
        }
        int gt = line.indexOf('>');
        if (gt < 0) {
            return false;
        }
        String inside = line.substring(1, gt);
        int at = inside.indexOf('@');
        if (at <= 0 || at == inside.length() - 1 || inside.indexOf('@', at + 1) >= 0) {
            return false;
        }
        int i = gt + 1;
        if (i < line.length() && line.charAt(i) == ':') {
            i++;
        }
        return i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t');
    }

    /** The human-readable text before the first report part. */
    static String prose(String report) {
        int i = report.indexOf(MailMessage.REPORT_MARK);
        return i < 0 ? report : report.substring(0, i);
    }

    /** Reads every per-recipient field group in the text; empty when there is none. */
    public static List<Delivery> fields(String text) {
        List<Delivery> out = new ArrayList<>();
        String reportingMta = "";
        String arrival = "";
        String pendingAlias = "";
        Delivery current = null;
        // fields written before the first Final-Recipient (some servers put it last)
        Delivery early = new Delivery();
        String last = "";
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                last = "";
                continue;
            }
            char c0 = line.charAt(0);
            if ((c0 == ' ' || c0 == '\t') && last.equals("diagnostic-code")) {
                Delivery target = current != null ? current : early;
                target.diagnosis = target.diagnosis + " " + line.strip();
                continue;
            }
            int colon = line.indexOf(':');
            Delivery target = current != null ? current : early;
            if (colon <= 0 || !isFieldName(line, colon)) {
                last = "";
                continue;
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            last = name;
            switch (name) {
                case "reporting-mta" -> reportingMta = Text.afterType(value);
                case "arrival-date" -> arrival = value;
                case "original-recipient" -> {
                    if (current != null && current.alias.isEmpty() && current.status.isEmpty()) {
                        current.alias = Text.address(value);
                    } else {
                        pendingAlias = Text.address(value);
                    }
                }
                case "final-recipient", "x-actual-recipient" -> {
                    String address = Text.address(Text.afterType(value));
                    if (name.equals("x-actual-recipient")) {
                        if (current != null && Text.typeOf(value).equals("RFC822") && !address.isEmpty()) {
                            current.alias = address;
                        }
                        continue;
                    }
                    if (address.isEmpty()) {
                        address = Text.afterType(value);
                        if (address.isEmpty()) {
                            continue;
                        }
                    }
                    current = out.isEmpty() ? early : new Delivery();
                    current.recipient = address;
                    current.reportingMta = reportingMta;
                    current.date = arrival;
                    current.alias = pendingAlias;
                    pendingAlias = "";
                    out.add(current);
                }
                case "action" -> target.action = normalizeAction(value);
                case "status" -> {
                    Matcher s = STATUS.matcher(Deadline.guard(value));
                    if (s.find()) {
                        target.status = s.group(1);
                    }
                }
                case "remote-mta" -> target.remoteMta = Text.afterType(value);
                case "diagnostic-code" -> {
                    target.diagnosticType = Text.typeOf(value);
                    target.diagnosis = Text.afterType(value);
                }
                case "last-attempt-date" -> {
                    if (current != null) {
                        current.date = value;
                    }
                }
                default -> {
                }
            }
        }
        for (Delivery d : out) {
            d.diagnosis = Text.squeeze(d.diagnosis);
        }
        return out;
    }

    /** Whether line[0, end) is a field name: a letter, then letters, digits and '-'. */
    private static boolean isFieldName(String line, int end) {
        char c = line.charAt(0);
        if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
            return false;
        }
        for (int i = 1; i < end; i++) {
            c = line.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    static String normalizeAction(String value) {
        String v = value.toLowerCase(Locale.ROOT).trim();
        int sp = v.indexOf(' ');
        if (sp > 0) {
            v = v.substring(0, sp);
        }
        return switch (v) {
            case "failure", "fail", "bounced" -> "failed";
            case "expired" -> "delayed";
            case "deliverable" -> "delivered";
            default -> v;
        };
    }
}
