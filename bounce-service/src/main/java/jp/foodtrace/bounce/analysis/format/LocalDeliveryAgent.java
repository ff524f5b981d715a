package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * The local delivery agent's own message quoted in a mailer daemon's notice: when the last hop
 * hands the mail to mail.local, procmail, maildrop, vpopmail's vdelivermail, vmailmgr's
 * vdeliver or Dovecot's LDA, their one-line complaint ("mail.local: unknown user: ...",
 * "maildrop: maildir over quota.") says more than the notice around it. Only the fallbacks ask
 * (the server formats read their own wording first), and then the agent's line is the diagnosis
 * and its wording decides the reason; an agent line with no known wording leaves the reason to
 * the classifier. Agents, openings and wordings as in Sisimai's MDA module.
 */
public final class LocalDeliveryAgent {
    /** What the agent said: its name, the reason its wording names (or ""), and the line. */
    record Verdict(String agent, String reason, String message) {
    }

    private static final String[][] OPENINGS = {
            {"mail.local", "mail.local: "}, {"procmail", "procmail: "}, {"maildrop", "maildrop: "},
            {"vpopmail", "vdelivermail: "}, {"vmailmgr", "vdeliver: "}};
    /** agent, reason, lower-case wording. */
    private static final String[][] WORDINGS = {
            {"dovecot", "userunknown", "mailbox doesn't exist: "},
            {"dovecot", "mailboxfull", "quota exceeded"},
            {"dovecot", "mailboxfull", "quota exceeded (mailbox for user is full)"},
            {"dovecot", "mailboxfull", "not enough disk space"},
            {"mail.local", "userunknown", ": unknown user:"}, {"mail.local", "userunknown", ": user unknown"},
            {"mail.local", "userunknown", ": invalid mailbox path"},
            {"mail.local", "userunknown", ": user missing home directory"},
            {"mail.local", "mailboxfull", "disc quota exceeded"},
            {"mail.local", "mailboxfull", "mailbox full or quota exceeded"},
            {"mail.local", "systemerror", "temporary file write error"},
            {"procmail", "mailboxfull", "quota exceeded while writing"},
            {"procmail", "systemfull", "no space left to finish writing"},
            {"maildrop", "userunknown", "invalid user specified."},
            {"maildrop", "userunknown", "cannot find system user"},
            {"maildrop", "mailboxfull", "maildir over quota."},
            {"vpopmail", "userunknown", "sorry, no mailbox here by that name."},
            {"vpopmail", "filtered", "account is locked email bounced"},
            {"vpopmail", "filtered", "user does not exist, but will deliver to "},
            {"vpopmail", "mailboxfull", "domain is over quota"}, {"vpopmail", "mailboxfull", "user is over quota"},
            {"vmailmgr", "userunknown", "invalid or unknown base user or domain"},
            {"vmailmgr", "userunknown", "invalid or unknown virtual user"},
            {"vmailmgr", "userunknown", "user name does not refer to a virtual user"},
            {"vmailmgr", "mailboxfull", "delivery failed due to system quota violation"}};
    private static final List<String> DAEMONS = List.of("mail delivery subsystem", "mailer-daemon", "postmaster");

    private LocalDeliveryAgent() {
    }

    /** The agent's verdict when a mailer daemon's notice quotes one, else {@code null}. */
    static Verdict find(MailMessage mail) {
        String from = mail.headers().get("from").strip().toLowerCase(Locale.ROOT);
        if (DAEMONS.stream().noneMatch(from::startsWith)) {
            return null;
        }
        String agent = "";
        List<String> lines = new ArrayList<>();
        for (String line : mail.body().split("\n")) {
            if (agent.isEmpty()) {
                agent = agentOf(line);
                if (agent.isEmpty()) {
                    continue;
                }
            }
            if (line.isEmpty()) {
                break;
            }
            lines.add(line);
        }
        if (agent.isEmpty()) {
            return null;
        }
        for (String[] w : WORDINGS) {
            if (!w[0].equals(agent)) {
                continue;
            }
            for (String line : lines) {
                if (line.toLowerCase(Locale.ROOT).contains(w[2])) {
                    return new Verdict(agent, w[1], line);
                }
            }
        }
        return new Verdict(agent, "", "");
    }

    /** Applies the verdict to a fallback's deliveries. */
    static void apply(Verdict verdict, List<Delivery> found) {
        for (Delivery d : found) {
            d.agent = verdict.agent();
            d.reason = verdict.reason();
            if (!verdict.message().isEmpty()) {
                d.diagnosis = verdict.message();
            }
            d.command = "";
        }
    }

    /** The agent whose opening starts the line, or "". */
    private static String agentOf(String line) {
        if (line.isEmpty()) {
            return "";
        }
        for (String[] o : OPENINGS) {
            if (line.startsWith(o[1])) {
                return o[0];
            }
        }
        // Dovecot's "Your message to <%t> was automatically rejected:%n%r"
        if (line.startsWith("Your message to ") && line.endsWith(" was automatically rejected:")
                && line.indexOf(' ', 16) == line.length() - " was automatically rejected:".length()) {
            return "dovecot";
        }
        return "";
    }
}
