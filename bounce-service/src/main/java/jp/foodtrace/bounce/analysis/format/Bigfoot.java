package jp.foodtrace.bounce.analysis.format;

import java.util.List;

import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * Bigfoot's forwarding service: sent from an {@code @bigfoot.com} address or through a
 * {@code .bigfoot.com} host; a sendmail-like "----- Transcript of session follows -----" whose
 * "&gt;&gt;&gt; COMMAND" lines name the SMTP stage (a "&lt;&lt;&lt;" reply with no command
 * before it is the greeting stage), an RFC 3464 report, the original as
 * {@code message/partial}. As in Sisimai's Lhost::Bigfoot.
 */
public final class Bigfoot implements BounceFormat {
    @Override
    public String name() {
        return "Bigfoot";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        boolean fromBigfoot = mail.headers().get("from").contains("@bigfoot.com>")
                || mail.headers().all("received").stream().anyMatch(r -> r.contains(".bigfoot.com "));
        if (!fromBigfoot) {
            return null;
        }
        String report = Sections.before(mail.report(), "Content-Type: message/partial");
        boolean reading = false;
        String command = "";
        boolean reply = false;
        StringBuilder section = new StringBuilder();
        for (String line : report.split("\n")) {
            if (!reading) {
                reading = isTranscriptStart(line);
                continue;
            }
            section.append(line).append('\n');
            if (line.startsWith(">>> ") && command.isEmpty()) {
                command = commandWord(Text.squeeze(line.substring(4)));
            } else if (line.startsWith("<<< ")) {
                reply = true;
            }
        }
        List<Delivery> found = Rfc3464.fields(section.toString());
        for (Delivery d : found) {
            d.command = !command.isEmpty() ? command : reply ? "EHLO" : "";
        }
        return found.isEmpty() ? null : found;
    }

    /** "RCPT" of "RCPT TO:&lt;...&gt;": four upper-case letters, or "". */
    static String commandWord(String text) {
        if (text.length() < 4) {
            return "";
        }
        for (int i = 0; i < 4; i++) {
            if (text.charAt(i) < 'A' || text.charAt(i) > 'Z') {
                return "";
            }
        }
        return text.substring(0, 4);
    }

    /** "   ----- Transcript of session follows -----": indented, dashes, then the words. */
    private static boolean isTranscriptStart(String line) {
        String s = line.stripLeading();
        return s.length() < line.length() && s.startsWith("-") && s.contains("Transcript of session follows");
    }
}
