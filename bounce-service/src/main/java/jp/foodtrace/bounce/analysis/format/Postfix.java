package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;
import jp.foodtrace.bounce.analysis.reason.ReplyCodes;
import jp.foodtrace.bounce.analysis.reason.StatusCodes;

/**
 * Postfix's "Undelivered Mail Returned to Sender": a notice from "The mail system" (or "The
 * Postfix program", "This is the mail system at host ..."), one paragraph per recipient
 * ("&lt;address&gt;: host ... said: 550 ... (in reply to RCPT TO command)", "&lt;address&gt;
 * (expanded from &lt;alias&gt;): ..."), then an RFC 3464 report whose Diagnostic-Code is typed
 * X-POSTFIX even for a remote server's SMTP reply. The notice names the SMTP stage and often
 * holds the full reply where the report has only a code; with "--- Delivery report
 * unavailable ---" there is neither report nor address and the original message's To is the
 * recipient. Layout as in Sisimai's Lhost::Postfix.
 */
public final class Postfix implements BounceFormat {
    private static final String SUBJECT = "Undelivered Mail Returned to Sender";
    private static final Pattern NOTICE_START = Pattern.compile(
            "This is the (?:Postfix program|\\w++ Postfix program|\\w++ program|mail system at host).*");
    private static final Pattern NOTICE_END = Pattern.compile(
            " ++The (?:Postfix (?:program|on .+ program)|\\w++ Postfix program|mail[ \\t]system|\\w++[ \\t]program)");

    @Override
    public String name() {
        return "Postfix";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().get("subject").strip().equals(SUBJECT) || mail.headers().has("x-aol-ip")) {
            return null;
        }
        String report = mail.report();
        String[] lines = Rfc3464.prose(report).split("\n");
        boolean reading = false;
        boolean unavailable = false;
        List<String> commands = new ArrayList<>();
        String otherRecipient = "";
        StringBuilder otherDiagnosis = new StringBuilder();
        for (String line : lines) {
            if (!reading) {
                reading = isNoticeStart(line);
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            String command = command(line);
            if (!command.isEmpty()) {
                commands.add(command);
                if (otherDiagnosis.length() > 0) {
                    otherDiagnosis.append(' ').append(line);
                }
                continue;
            }
            String[] addressLine = addressLine(line);
            if (addressLine != null) {
                otherRecipient = addressLine[0];
                otherDiagnosis.setLength(0);
                otherDiagnosis.append(addressLine[1]);
            } else if (line.contains("--- Delivery report unavailable ---")) {
                unavailable = true;
            } else if (otherDiagnosis.length() > 0 && line.startsWith("    ") && line.length() > 4) {
                otherDiagnosis.append(' ').append(line.substring(4));
            }
        }
        if (!reading) {
            return null;
        }
        List<Delivery> found = Rfc3464.fields(report);
        if (found.isEmpty()) {
            String recipient = otherRecipient;
            if (recipient.isEmpty() && unavailable) {
                recipient = Text.address(mail.original().get("to"));
            }
            if (recipient.isEmpty()) {
                return null;
            }
            found = List.of(new Delivery(recipient));
        }
        String another = Text.squeeze(otherDiagnosis.toString()).strip();
        int next = 0;
        for (Delivery d : found) {
            if (d.diagnosticType.equals("X-POSTFIX")) {
                d.diagnosticType = "SMTP";
            }
            if (!another.isEmpty()) {
                useNotice(d, another);
            }
            d.diagnosis = Text.squeeze(d.diagnosis).strip();
            d.command = next < commands.size() ? commands.get(next++) : "";
            if (d.command.isEmpty() && d.diagnosis.contains("refused to talk to me:")) {
                d.command = "HELO";
            }
            if (d.diagnosticType.isEmpty() && saysHostSaid(d.diagnosis)) {
                d.diagnosticType = "SMTP";
            }
        }
        return found;
    }

    /** The notice's text for a recipient: fills an empty or bare-number diagnosis, a vague status or reply. */
    private static void useNotice(Delivery d, String another) {
        if (d.diagnosis.isBlank()) {
            d.diagnosis = another;
        }
        if (isDigits(d.diagnosis)) {
            d.diagnosis = another;
            return;
        }
        String foundStatus = "";
        if (d.status.isEmpty() || d.status.endsWith(".0.0")) {
            foundStatus = StatusCodes.find(another);
            if (!foundStatus.isEmpty() && !foundStatus.endsWith(".0.0")) {
                d.status = foundStatus;
            }
        }
        String foundReply = "";
        if (d.replyCode.isEmpty() || d.replyCode.endsWith("00")) {
            foundReply = ReplyCodes.find(another);
            if (!foundReply.isEmpty() && !foundReply.endsWith("00")) {
                d.replyCode = foundReply;
            }
        }
        if (!foundStatus.isEmpty() || !foundReply.isEmpty() && another.length() > d.diagnosis.length()) {
            d.diagnosis = another;
        }
    }

    static boolean isNoticeStart(String line) {
        if (!line.startsWith(" ") && !line.startsWith("This is the ")) {
            return false;
        }
        if (line.startsWith(" ")) {
            return NOTICE_END.matcher(Deadline.guard(line)).matches();
        }
        return NOTICE_START.matcher(Deadline.guard(line)).matches();
    }

    /** The SMTP command of "(in reply to RCPT TO command)", also when the sentence is wrapped. */
    static String command(String line) {
        int i = line.indexOf("(in reply to ");
        if (i > 0 && (line.charAt(i - 1) == ' ' || line.charAt(i - 1) == '\t')) {
            int from = i + "(in reply to ".length();
            if (line.startsWith("end of ", from)) {
                from += "end of ".length();
            }
            if (from + 4 <= line.length() && isUpperWord(line, from)) {
                return line.substring(from, from + 4);
            }
        }
        if (line.endsWith("command)")) {
            int end = line.length() - "command)".length();
            for (int j = 0; j + 4 <= end; j++) {
                if (isUpperWord(line, j)) {
                    return line.substring(j, j + 4);
                }
            }
        }
        return "";
    }

    private static boolean isUpperWord(String line, int from) {
        for (int k = from; k < from + 4; k++) {
            char c = line.charAt(k);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    /** "&lt;address&gt;: text" or "&lt;address&gt; (expanded from &lt;alias&gt;): text": {address, text}. */
    static String[] addressLine(String line) {
        if (!line.startsWith("<")) {
            return null;
        }
        int gt = line.indexOf('>');
        if (gt < 0) {
            return null;
        }
        String address = line.substring(1, gt);
        int at = address.indexOf('@');
        if (at <= 0 || at == address.length() - 1 || address.indexOf(' ') >= 0) {
            return null;
        }
        String rest = line.substring(gt + 1);
        if (rest.startsWith(":")) {
            return new String[] {address, rest.substring(1).strip()};
        }
        if (rest.startsWith(" (expanded from <")) {
            int close = rest.indexOf(">):");
            if (close > 0) {
                return new String[] {address, rest.substring(close + 3).strip()};
            }
        }
        return null;
    }

    private static boolean saysHostSaid(String diagnosis) {
        int host = diagnosis.indexOf("host ");
        return host >= 0 && diagnosis.indexOf(" said:", host + 5) > host + 5;
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
