package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;

/**
 * Reads recipients and their error text from the prose of a bounce. Servers that send no
 * delivery report still follow a few layouts: the address alone on a line (optionally in angle
 * brackets and followed by a colon) with the error on the next lines, or the address and the
 * error on one line.
 */
final class ProseScanner {
    private static final Pattern ADDRESS_LINE = Pattern.compile(
            "^\\s*(?:(?:recipient|to|address|original recipient|user|delivery failed|failed recipient|intended recipient"
                    + "|error-for|undeliverable address|unknown user|rcpt to|mailbox is full)\\s*(?:address)?\\s*:\\s*)?"
                    + "[\"']?<?([^\\s<>@\"'(),;:]+@[^\\s<>@\"'(),;:]+)>?[\"']?\\s*[:.,]?\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REPLY_CODE = Pattern.compile("\\b[45]\\d\\d\\b");
    private static final Pattern REPLY_LINE = Pattern.compile("^\\s*(?:<<<\\s*)?[245]\\d\\d[ -].*");

    private ProseScanner() {
    }

    /** Recipients in the order they appear, each with the text that follows it. */
    static List<Delivery> recipients(String prose) {
        Map<String, Delivery> found = new LinkedHashMap<>();
        String[] lines = prose.split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ADDRESS_LINE.matcher(Deadline.guard(lines[i]));
            if (!m.matches()) {
                continue;
            }
            String address = Text.normalize(m.group(1));
            if (!address.contains("@") || address.indexOf('@') == 0) {
                continue;
            }
            String rest = m.group(2).trim();
            if (rest.length() > 0 && !rest.startsWith("(") && !looksLikeError(rest)) {
                continue;
            }
            Delivery d = found.computeIfAbsent(address, Delivery::new);
            StringBuilder diag = new StringBuilder(rest);
            collect(lines, i + 1, diag);
            if (d.diagnosis.isEmpty()) {
                d.diagnosis = Text.squeeze(diag.toString());
            }
        }
        return new ArrayList<>(found.values());
    }

    private static boolean looksLikeError(String rest) {
        String r = rest.toLowerCase();
        return REPLY_CODE.matcher(Deadline.guard(r)).find() || r.contains("error") || r.contains("unknown")
                || r.contains("not ") || r.contains("no ") || r.contains("fail") || r.contains("denied")
                || r.contains("reject") || r.contains("full") || r.contains("quota") || r.contains("invalid")
                || r.contains("timeout") || r.contains("timed out") || r.contains("refused");
    }

    /** Appends the following lines up to a blank line (or one blank line, when nothing came yet). */
    private static void collect(String[] lines, int from, StringBuilder diag) {
        int taken = 0;
        for (int j = from; j < lines.length && taken < 12; j++) {
            String l = lines[j];
            if (l.isBlank()) {
                if (diag.toString().isBlank() && taken == 0 && j + 1 < lines.length && !lines[j + 1].isBlank()) {
                    continue;
                }
                break;
            }
            Matcher m = ADDRESS_LINE.matcher(Deadline.guard(l));
            if (m.matches() && m.group(2).isBlank() && !l.startsWith(" ") && !l.startsWith("\t")) {
                break;
            }
            if (l.startsWith("---") || l.startsWith("===")) {
                break;
            }
            diag.append(' ').append(l.trim());
            taken++;
        }
    }

    /** The error text written next to a recipient already known from a report, "" if none. */
    static String diagnosisFor(String prose, String recipient) {
        for (Delivery d : recipients(prose)) {
            if (d.recipient.equalsIgnoreCase(recipient)) {
                return d.diagnosis;
            }
        }
        return "";
    }

    static boolean isReplyLine(String line) {
        return REPLY_LINE.matcher(Deadline.guard(line)).matches();
    }
}
