package jp.foodtrace.bounce.analysis.format;

import java.util.List;

import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * qmail-based servers that rewrote qmail-send's notice (an unnamed layout of the reference
 * corpus): Subject "failure notice" or "Permanent Delivery Failure", or a "(qmail N invoked
 * for bounce)" Received header, but instead of "Hi. This is the qmail-send program" one of
 * their own openings ("Your mail message to the following address(es) could not be
 * delivered.", "Su mensaje no pudo ser entregado", ...). The "&lt;address&gt;:" paragraphs and
 * qmail's sentences are read as {@link Qmail} reads them. As in Sisimai's Lhost::X4.
 */
public final class X4 implements BounceFormat {
    private static final String QMAIL = "Hi. This is the qmail";
    private static final String[] OPENINGS = {
            "He/Her is not ", "Hi. ", "Su mensaje no pudo ser entregado",
            "This is the machine generated message from mail service", "This is the mail delivery agent at",
            "Unable to deliver message to the following address",
            "Unfortunately, your mail was not delivered to the following address:",
            "Your mail message to the following address", "Your message to the following addresses",
            "We're sorry."};

    @Override
    public String name() {
        return "X4";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        String subject = mail.headers().get("subject");
        boolean header = subject.startsWith("failure notice") || subject.startsWith("Permanent Delivery Failure")
                || mail.headers().all("received").stream().anyMatch(X4::qmailBounce);
        if (!header) {
            return null;
        }
        String report = mail.report();
        if (Sections.lineStarting(report, QMAIL) >= 0 || !opens(report)) {
            return null;
        }
        return Qmail.read(mail);
    }

    private static boolean opens(String report) {
        for (String opening : OPENINGS) {
            int i = Sections.lineStarting(report, opening);
            if (i < 0) {
                continue;
            }
            if (!opening.equals("He/Her is not ") && !opening.equals("Hi. ")) {
                return true;
            }
            int nl = report.indexOf('\n', i);
            String line = report.substring(i, nl < 0 ? report.length() : nl);
            // "He/Her is not ... user", "Hi. ... unable to deliver your message to the following addresses"
            if (opening.startsWith("He") ? line.endsWith(" user") || line.contains(" user")
                    : line.contains(" unable to deliver your message to the following addresses")) {
                return true;
            }
        }
        return false;
    }

    /** "(qmail 1234 invoked for bounce)". */
    private static boolean qmailBounce(String received) {
        String r = received.strip();
        return r.startsWith("(qmail ") && r.contains(" invoked for bounce)");
    }
}
