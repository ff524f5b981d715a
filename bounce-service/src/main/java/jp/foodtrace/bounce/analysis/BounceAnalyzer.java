package jp.foodtrace.bounce.analysis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jp.foodtrace.bounce.analysis.format.BounceFormat;
import jp.foodtrace.bounce.analysis.format.FormatOrder;
import jp.foodtrace.bounce.analysis.format.Text;
import jp.foodtrace.bounce.analysis.mime.Headers;
import jp.foodtrace.bounce.analysis.mime.MailMessage;
import jp.foodtrace.bounce.analysis.reason.ReasonClassifier;
import jp.foodtrace.bounce.analysis.reason.RemoteHosts;
import jp.foodtrace.bounce.analysis.reason.ReplyCodes;
import jp.foodtrace.bounce.analysis.reason.Severity;
import jp.foodtrace.bounce.analysis.reason.StatusCodes;

/**
 * Turns one raw returned message into bounce facts, one per recipient; an empty list when the
 * message is not a bounce, complaint or auto-reply. Thread-safe and free of I/O.
 */
public final class BounceAnalyzer {
    private static final Set<String> COMMANDS = Set.of("EHLO", "HELO", "MAIL", "RCPT", "DATA", "QUIT");
    /** Reasons that are neither hard nor soft bounces. */
    private static final Set<String> NO_SEVERITY = Set.of("delivered", "feedback", "vacation");
    private static final java.util.regex.Pattern SPECIFIC_STATUS =
            java.util.regex.Pattern.compile("[45]\\.[1-9]\\.[1-9]");

    private final FormatOrder formats = new FormatOrder();
    private final boolean deliveries;

    /** Reports bounces, complaints and auto-replies; successful deliveries are left out. */
    public BounceAnalyzer() {
        this(false);
    }

    private BounceAnalyzer(boolean deliveries) {
        this.deliveries = deliveries;
    }

    /**
     * Also reports successful deliveries (a DSN's "Action: delivered" with a 2.x.x status, an
     * SES "Delivery" notification) as reason {@code delivered}, as Sisimai does when asked for
     * them; for comparing with such a run. The service does not record deliveries.
     */
    public static BounceAnalyzer withDeliveries() {
        return new BounceAnalyzer(true);
    }

    public List<BounceFact> analyze(byte[] raw) {
        MailMessage mail = MailMessage.parse(raw);
        List<BounceFact> facts = analyze(mail);
        if (facts.isEmpty()) {
            byte[] wrapped = wrappedReport(mail);
            if (wrapped != null) {
                // one level only: a report inside a report inside a report is not a format
                return analyze(MailMessage.parse(wrapped));
            }
        }
        return facts;
    }

    /**
     * A notice that names no recipient itself but carries, as its attached message, a complete
     * delivery report (RFC 6522 {@code multipart/report; report-type=delivery-status}): gateways
     * that pass a downstream server's bounce on to the sender wrap it this way. The attached
     * report is the bounce; {@code null} when the message is no such wrapper.
     */
    static byte[] wrappedReport(MailMessage mail) {
        String body = mail.body();
        int mark = body.indexOf(MailMessage.ORIGINAL_MARK);
        if (mark < 0) {
            return null;
        }
        String attached = body.substring(mark + MailMessage.ORIGINAL_MARK.length()).stripLeading();
        int end = attached.indexOf("\n\n");
        if (end < 0) {
            return null;
        }
        String contentType = Headers.parse(attached.substring(0, end))
                .get("content-type");
        boolean report = contentType.toLowerCase(Locale.ROOT).startsWith("multipart/report")
                && MailMessage.param(contentType, "report-type").equalsIgnoreCase("delivery-status");
        return report ? attached.getBytes(StandardCharsets.UTF_8) : null;
    }

    private List<BounceFact> analyze(MailMessage mail) {
        for (BounceFormat format : formats.candidates(mail)) {
            List<Delivery> found = format.parse(mail);
            if (found == null || found.isEmpty()) {
                continue;
            }
            List<BounceFact> facts = new ArrayList<>(found.size());
            for (Delivery d : found) {
                if (d.agent.isEmpty()) {
                    d.agent = format.name();
                }
                BounceFact fact = settle(d, mail, deliveries);
                if (fact != null) {
                    facts.add(fact);
                }
            }
            return facts;
        }
        return List.of();
    }

    /** Fills in what the parser left open: status from the text, reason, action, hard/soft. */
    private static BounceFact settle(Delivery d, MailMessage mail, boolean deliveries) {
        // "@mx.example.org" (a bare source route) names a host, not a mailbox
        if (d.recipient.indexOf('@') <= 0) {
            return null;
        }
        boolean delivered = d.status.startsWith("2.") || "delivered".equals(d.reason);
        if (delivered && !deliveries) {
            return null;
        }
        if (!d.diagnosis.isEmpty()) {
            String status = StatusCodes.find(d.diagnosis);
            if (SPECIFIC_STATUS.matcher(Deadline.guard(status)).matches()) {
                d.status = status;
            }
            String reply = ReplyCodes.find(d.diagnosis);
            if (d.replyCode.isEmpty()) {
                d.replyCode = reply;
            }
            d.diagnosis = withoutContinuationCodes(d.diagnosis, status, reply);
        }
        if (d.diagnosticType.equals("X-POSTFIX")
                && (!ReplyCodes.find(d.diagnosis).isEmpty() || d.diagnosis.contains("host "))) {
            // Postfix labels remote SMTP errors with its own type; the text is still an SMTP reply
            d.diagnosticType = "SMTP";
        }
        if (d.diagnosticType.isEmpty()) {
            if ("mailererror".equals(d.reason)) {
                d.diagnosticType = "X-UNIX";
            } else if (!"feedback".equals(d.reason) && !"vacation".equals(d.reason)) {
                d.diagnosticType = "SMTP";
            }
        }
        if (!COMMANDS.contains(d.command)) {
            d.command = d.command.equals("CONN") ? "CONN" : "";
        }
        String reason = d.reason;
        if (reason.isEmpty() || ReasonClassifier.REFINABLE.contains(reason)) {
            List<String> received = mail.headers().all("received");
            String receivedBy = received.isEmpty() ? "" : RemoteHosts.receivedBy(received.get(received.size() - 1));
            String byHost = RemoteHosts.reason(d, receivedBy);
            reason = byHost.isEmpty() ? ReasonClassifier.classify(d) : byHost;
        }
        if (d.action.isEmpty()) {
            if ("expired".equals(reason)) {
                d.action = "delayed";
            } else if (d.status.startsWith("5") || d.status.startsWith("4")) {
                d.action = "failed";
            }
        }
        Boolean hard;
        String status = d.status;
        String reply = d.replyCode;
        if (NO_SEVERITY.contains(reason)) {
            hard = null;
            if (!"delivered".equals(reason)) {
                reply = "";
            }
        } else {
            hard = Severity.isHard(reason, (status + " " + d.diagnosis).trim());
            if (status.isEmpty()) {
                Boolean permanent = Severity.isPermanent((reply + " " + d.diagnosis).trim());
                status = StatusCodes.pseudoCode(reason, Boolean.FALSE.equals(permanent));
                if (d.action.isEmpty() && !status.isEmpty()) {
                    d.action = "expired".equals(reason) ? "delayed" : "failed";
                }
            }
            if (!reply.isEmpty() && !status.isEmpty() && reply.charAt(0) != status.charAt(0)) {
                reply = "";
            }
        }
        if ("feedback".equals(reason)) {
            status = "";
        }
        return new BounceFact(d.recipient, reason, status, hard, d.action, reply, d.diagnosticType,
                d.diagnosis, d.agent, timestamp(d, mail), messageId(mail), d.feedbackType);
    }

    /**
     * Multi-line SMTP replies repeat "550-5.7.1" at the start of every line; once they are
     * joined, those codes split the sentence that the reason rules look for. Removed only when
     * the codes occur more than twice, so a single reply keeps its code.
     */
    static String withoutContinuationCodes(String text, String status, String reply) {
        int count = 0;
        if (!status.isEmpty()) {
            count += occurrences(text, status);
        }
        if (!reply.isEmpty()) {
            count += occurrences(text, reply);
        }
        if (count <= 2) {
            return text;
        }
        String s = java.util.regex.Pattern.quote(status);
        String out = text;
        if (!reply.isEmpty()) {
            out = replaceAll(out, ";? " + reply + "[- ](?:" + (status.isEmpty() ? "" : s) + ")?");
        }
        out = replaceAll(out, ";? [45]\\d\\d[- ](?:" + (status.isEmpty() ? "" : s) + ")?");
        if (!reply.isEmpty()) {
            out = replaceAll(out, ";? " + reply + "[- ](?:[45]\\.\\d\\.\\d+)?");
        }
        out = withoutHtml(out);
        return Text.squeeze(out);
    }

    private static String replaceAll(String text, String regex) {
        java.util.regex.Pattern pattern = CONTINUATION_PATTERNS.get(regex);
        if (pattern == null) {
            pattern = java.util.regex.Pattern.compile(regex);
            if (CONTINUATION_PATTERNS.size() < 1024) {
                CONTINUATION_PATTERNS.put(regex, pattern);
            }
        }
        return pattern.matcher(Deadline.guard(text)).replaceAll(" ");
    }

    /**
     * The patterns of {@link #withoutContinuationCodes}, by their text: they depend on the codes
     * only, a batch meets few distinct ones, and compiling them again for every recipient was a
     * visible share of a command-line run. Bounded, in case a long-running service meets many.
     */
    private static final java.util.Map<String, java.util.regex.Pattern> CONTINUATION_PATTERNS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Removes, line by line, everything from the first {@code <html>} to the last {@code </html>}
     * after it (what {@code (?i)<html>.+</html>} removes), in one pass instead of a backtracking
     * search from every {@code <html>}.
     */
    static String withoutHtml(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.length() != text.length() || !lower.contains("<html>")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        int open = lower.indexOf("<html>");
        while (open >= 0) {
            int end = lineEnd(text, open);
            int close = end - 7;
            while (close >= open + 7 && !lower.startsWith("</html>", close)) {
                close--;
            }
            if (close >= open + 7) {
                out.append(text, from, open);
                from = close + 7;
            } else {
                out.append(text, from, end);
                from = end;
            }
            open = lower.indexOf("<html>", from);
        }
        out.append(text, from, text.length());
        return out.toString();
    }

    private static int lineEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return i;
            }
        }
        return text.length();
    }

    /** How often the token occurs as a whole word (no letter, digit or '_' on either side). */
    private static int occurrences(String text, String token) {
        int n = 0;
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + 1)) {
            int end = i + token.length();
            if ((i == 0 || !isWordChar(text.charAt(i - 1))) && (end == text.length() || !isWordChar(text.charAt(end)))) {
                n++;
            }
        }
        return n;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static Instant timestamp(Delivery d, MailMessage mail) {
        Instant t = MailDates.parse(d.date);
        if (t == null) {
            t = MailDates.parse(mail.headers().get("date"));
        }
        if (t == null) {
            t = MailDates.parse(mail.original().get("date"));
        }
        return t;
    }

    private static String messageId(MailMessage mail) {
        String id = mail.original().get("message-id").trim();
        int lt = id.indexOf('<');
        int gt = id.indexOf('>', lt + 1);
        if (lt >= 0 && gt > lt) {
            return id.substring(lt + 1, gt);
        }
        int sp = id.indexOf(' ');
        return sp > 0 ? id.substring(0, sp) : id;
    }
}
