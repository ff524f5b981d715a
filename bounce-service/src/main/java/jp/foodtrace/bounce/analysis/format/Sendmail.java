package jp.foodtrace.bounce.analysis.format;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;
import jp.foodtrace.bounce.analysis.reason.StatusCodes;

/**
 * Sendmail's "Returned mail: see transcript for details" (and "Warning: ..." delay notices):
 * after "----- Transcript of session follows -----" the SMTP session as sendmail saw it
 * ("&gt;&gt;&gt; DATA", "&lt;&lt;&lt; 550-5.7.1 ..." lines of the remote reply, "550 5.1.2
 * &lt;address&gt;... Host unknown" for its own verdict), then an RFC 3464 report whose
 * Diagnostic-Code holds only the first line of a multi-line reply, or nothing, or a local
 * mailer's exit code. The transcript gives the SMTP stage, the whole reply and, where the
 * report's Final-Recipient is no address (a bare "@host" route), the recipient. Layout as in
 * Sisimai's Lhost::Sendmail.
 */
public final class Sendmail implements BounceFormat {
    private static final String TRANSCRIPT = "   ----- Transcript of session follows -----";
    private static final String WHILE_TALKING = "... while talking to ";

    @Override
    public String name() {
        return "Sendmail";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        String subject = mail.headers().get("subject").strip();
        if (!(subject.endsWith("see transcript for details") || subject.startsWith("Warning: "))
                || mail.headers().has("x-aol-ip")) {
            return null;
        }
        String report = mail.report();
        int start = report.indexOf(TRANSCRIPT);
        if (start < 0 || (start > 0 && report.charAt(start - 1) != '\n')) {
            return null;
        }
        List<Delivery> found = Rfc3464.fields(report.substring(start));
        if (found.isEmpty()) {
            return null;
        }
        String command = "";
        Set<String> replies = new LinkedHashSet<>();
        boolean sessionError = false;
        String otherStatus = "";
        StringBuilder other = new StringBuilder();
        for (String line : report.substring(start + TRANSCRIPT.length()).split("\n")) {
            if (line.isEmpty() || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                continue;
            }
            if (line.startsWith(">>>")) {
                String c = firstWord(line.substring(3));
                if (c.length() >= 4 && isUpper(c.substring(0, 4))) {
                    command = c.substring(0, 4);
                }
            } else if (line.startsWith("<<<")) {
                String reply = line.substring(3).strip();
                if (!reply.isEmpty()) {
                    replies.add(reply);
                }
            } else if (!sessionError) {
                if (line.startsWith(WHILE_TALKING)) {
                    sessionError = true;
                } else if (line.startsWith("<") && line.indexOf(">.") > 1) {
                    // "<address>... text"
                    int gt = line.indexOf(">.");
                    int dots = gt + 1;
                    while (dots < line.length() && line.charAt(dots) == '.') {
                        dots++;
                    }
                    if (dots < line.length() && line.charAt(dots) == ' ' && dots + 1 < line.length()) {
                        other.setLength(0);
                        other.append(line.substring(dots + 1));
                    }
                } else if (isReplyWithStatus(line)) {
                    otherStatus = line.substring(4, 9);
                    other.append(' ').append(line);
                } else if (line.startsWith("Message: ") || line.startsWith("Warning: ")) {
                    other.append(' ').append(line);
                }
            }
        }
        String another = Text.squeeze(other.toString()).strip();
        String session = String.join(" ", replies);
        for (Delivery d : found) {
            if (d.command.isEmpty()) {
                d.command = !command.isEmpty() ? command : replies.isEmpty() ? "" : "EHLO";
            }
            if (!another.isEmpty() && (d.diagnosis.isBlank() || isDigits(d.diagnosis))) {
                d.diagnosis = another;
            }
            if (session.length() > d.diagnosis.length()) {
                d.diagnosis = session;
            }
            d.diagnosis = Text.squeeze(d.diagnosis).strip();
            if (!otherStatus.isEmpty() && !StatusCodes.isWellFormed(d.status)) {
                d.status = otherStatus;
            }
            if (!isAddress(d.recipient)) {
                String inText = bracketed(d.diagnosis);
                if (!inText.isEmpty()) {
                    d.recipient = inText;
                }
            }
        }
        return found;
    }

    /** "550 5.1.2 ...": a reply code, a space, a one-digit-detail status code, a space, text. */
    private static boolean isReplyWithStatus(String line) {
        if (line.length() < 11) {
            return false;
        }
        char c0 = line.charAt(0);
        return (c0 == '4' || c0 == '5') && Character.isDigit(line.charAt(1)) && Character.isDigit(line.charAt(2))
                && (line.charAt(3) == ' ' || line.charAt(3) == '\t')
                && (line.charAt(4) == '4' || line.charAt(4) == '5') && line.charAt(5) == '.'
                && Character.isDigit(line.charAt(6)) && line.charAt(7) == '.' && Character.isDigit(line.charAt(8))
                && (line.charAt(9) == ' ' || line.charAt(9) == '\t');
    }

    /** local@domain with something on both sides of the '@' and no space. */
    private static boolean isAddress(String s) {
        int at = s.indexOf('@');
        return at > 0 && at < s.length() - 1 && s.indexOf(' ') < 0;
    }

    /** The first "&lt;local@domain&gt;" of the text, without brackets, or "". */
    private static String bracketed(String text) {
        int lt = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<') {
                lt = i;
            } else if (c == '>' && lt >= 0) {
                String inside = text.substring(lt + 1, i);
                if (isAddress(inside)) {
                    return inside;
                }
                lt = -1;
            }
        }
        return "";
    }

    private static String firstWord(String s) {
        String t = s.strip();
        int sp = 0;
        while (sp < t.length() && t.charAt(sp) != ' ' && t.charAt(sp) != '\t') {
            sp++;
        }
        return t.substring(0, sp);
    }

    private static boolean isUpper(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 'A' || s.charAt(i) > 'Z') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
