package jp.foodtrace.bounce.analysis.format;

import java.util.List;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;
import jp.foodtrace.bounce.analysis.reason.StatusCodes;

/**
 * qmail-send: "&lt;address&gt;:" followed by the remote error, then a copy of the message.
 * qmail's fixed sentences (and those of the qmail-ldap patch) name the SMTP stage and the
 * reason; wordings as in Sisimai's Lhost::qmail.
 */
public final class Qmail implements BounceFormat {
    private static final String ORIGINAL = "--- Below this line is a copy of the message.";

    private static final String[][] STAGES = {
            {"CONN", "(?:Error:)?Connected to [^ ]++ but greeting failed\\."},
            {"EHLO", "(?:Error:)?Connected to [^ ]++ but my name was rejected\\."},
            {"MAIL", "(?:Error:)?Connected to [^ ]++ but sender was rejected\\."},
            {"RCPT", "(?<![^ ])(?:Error:)?[^ ]++ does not like recipient\\."},
            {"DATA", "(?<![^ ])(?:Error:)?[^ ]++ failed on DATA command\\.|(?<![^ ])(?:Error:)?[^ ]++ failed after I sent the message\\."}};
    private static final Pattern[] STAGE_PATTERNS = new Pattern[STAGES.length];
    private static final Pattern MOST_PROGRESS = Pattern.compile(
            "Sorry, no SMTP connection got far enough; most progress was ([A-Z]{4}) ");
    private static final Pattern ON_HOLD = Pattern.compile(
            "^[^ ]++ does not like recipient\\.[ \\t]+.+this message has been in the queue too long\\.$");
    private static final String REMOTE_SAID = "Remote host said:";
    private static final String EXPIRED = "this message has been in the queue too long.";
    private static final String[][] MESSAGES = {
            {"userunknown", "no mailbox here by that name"}, {"userunknown", "does not like recipient."},
            {"mailboxfull", "disk quota exceeded"},
            {"mesgtoobig", "Message size exceeds fixed maximum message size:"},
            {"hostunknown", "Sorry, I couldn't find any host "},
            {"systemfull", "Requested action not taken: mailbox unavailable (not enough free space)"},
            {"systemerror", "bad interpreter: No such file or directory"}, {"systemerror", "system error"},
            {"systemerror", "Unable to"},
            {"networkerror", "Sorry, I wasn't able to establish an SMTP connection"},
            {"networkerror", "Sorry, I couldn't find a mail exchanger or IP address"},
            {"networkerror", "Sorry. Although I'm listed as a best-preference MX or A for that host"}};
    /** Failures reported by the qmail-ldap patch. */
    private static final String[][] LDAP = {
            {"suspend", "Mailaddress is administrativly disabled"}, {"suspend", "Mailaddress is administratively disabled"},
            {"suspend", "Mailaddress is administrativley disabled"},
            {"userunknown", "Sorry, no mailbox here by that name"},
            {"exceedlimit", "The message exeeded the maximum size the user accepts"},
            {"systemerror", "Automatic homedir creator crashed"}, {"systemerror", "Illegal value in LDAP attribute"},
            {"systemerror", "LDAP attribute is not given but mandatory"},
            {"systemerror", "Timeout while performing search on LDAP server"},
            {"systemerror", "Too many results returned but needs to be unique"},
            {"systemerror", "Permanent error while executing qmail-forward"},
            {"systemerror", "Temporary error in automatic homedir creation"},
            {"systemerror", "Temporary error while executing qmail-forward"},
            {"systemerror", "Temporary failure in LDAP lookup"}, {"systemerror", "Unable to contact LDAP server"},
            {"systemerror", "Unable to login into LDAP server, bad credentials"}};

    static {
        for (int i = 0; i < STAGES.length; i++) {
            STAGE_PATTERNS[i] = Pattern.compile(STAGES[i][1]);
        }
    }

    private static String command(String diagnosis) {
        for (int i = 0; i < STAGES.length; i++) {
            if (STAGE_PATTERNS[i].matcher(Deadline.guard(diagnosis)).find()) {
                return STAGES[i][0];
            }
        }
        var m = MOST_PROGRESS.matcher(Deadline.guard(diagnosis));
        return m.find() ? m.group(1) : "";
    }

    /**
     * @param remoteSaid the "Remote host said:" line; when there is one, only it is compared
     *                   with qmail's own sentences, so the remote answer decides
     */
    private static String reason(Delivery d, String remoteSaid) {
        if (d.command.equals("MAIL")) {
            return "rejected";
        }
        if (d.command.equals("HELO") || d.command.equals("EHLO")) {
            return "blocked";
        }
        if (ON_HOLD.matcher(Deadline.guard(d.diagnosis)).find()) {
            // the classifier decides from the remote answer
            return "";
        }
        String text = remoteSaid.isEmpty() ? d.diagnosis : remoteSaid;
        for (String[] m : MESSAGES) {
            if (text.contains(m[1])) {
                return m[0];
            }
        }
        for (String[] m : LDAP) {
            if (d.diagnosis.contains(m[1])) {
                return m[0];
            }
        }
        return d.diagnosis.contains(EXPIRED) ? "expired" : "";
    }

    @Override
    public String name() {
        return "qmail";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        String body = mail.body();
        if (!body.contains("This is the qmail-send program") && !body.contains(ORIGINAL)
                && !mail.headers().get("received").contains("invoked for bounce")) {
            return null;
        }
        return read(mail);
    }

    /**
     * Reads "&lt;address&gt;:" paragraphs up to the copy of the message: qmail's layout, which
     * servers built on it ({@link X4}) keep under other wordings.
     */
    static List<Delivery> read(MailMessage mail) {
        String report = mail.report();
        int cut = report.indexOf(ORIGINAL);
        if (cut >= 0) {
            if (mail.original().isEmpty()) {
                mail.originalFrom(report.substring(cut + ORIGINAL.length()));
            }
            report = report.substring(0, cut);
        }
        List<Delivery> found = ProseScanner.recipients(report);
        if (found.isEmpty()) {
            return null;
        }
        java.util.Map<String, String> remoteSaid = new java.util.HashMap<>();
        String current = "";
        for (String line : report.split("\n")) {
            if (line.startsWith("<") && line.endsWith(">:")) {
                current = Text.address(line);
            } else if (line.startsWith(REMOTE_SAID)) {
                remoteSaid.put(current, line);
            }
        }
        for (Delivery d : found) {
            if (d.status.isEmpty()) {
                d.status = StatusCodes.find(d.diagnosis);
            }
            d.command = command(d.diagnosis);
            d.reason = reason(d, remoteSaid.getOrDefault(d.recipient, ""));
        }
        return found;
    }
}
