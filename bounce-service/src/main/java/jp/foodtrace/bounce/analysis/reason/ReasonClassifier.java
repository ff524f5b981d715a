package jp.foodtrace.bounce.analysis.reason;

import static jp.foodtrace.bounce.analysis.reason.Reason.*;

import java.util.List;
import java.util.Set;

import jp.foodtrace.bounce.analysis.Delivery;

/**
 * Decides the bounce reason of one recipient. The three priority lists below are the only place
 * where the order of the reasons is written down.
 */
public final class ReasonClassifier {
    /** Tried first, with the full context of an SMTP conversation. */
    static final List<Reason> BY_CONTEXT = List.of(
            MAILBOXFULL, MESGTOOBIG, EXCEEDLIMIT, SUSPEND, HASMOVED, NORELAYING, USERUNKNOWN,
            FILTERED, REJECTED, HOSTUNKNOWN, SPAMDETECTED, TOOMANYCONN, BLOCKED);
    /** Tried on the error text alone when the context gave no answer. */
    static final List<Reason> BY_TEXT = List.of(
            MAILBOXFULL, SPAMDETECTED, POLICYVIOLATION, VIRUSDETECTED, NORELAYING, SECURITYERROR,
            SYSTEMERROR, NETWORKERROR, SUSPEND, EXPIRED, CONTENTERROR, SYSTEMFULL, NOTACCEPT,
            MAILERERROR);
    /** For free text without any structure, e.g. a line of an auto-reply or a carrier notice. */
    static final List<Reason> BY_PHRASE_ONLY = List.of(
            MAILBOXFULL, MESGTOOBIG, EXCEEDLIMIT, SUSPEND, USERUNKNOWN, FILTERED, REJECTED,
            HOSTUNKNOWN, SPAMDETECTED, TOOMANYCONN, BLOCKED, SECURITYERROR, SYSTEMERROR,
            NETWORKERROR, EXPIRED, CONTENTERROR, HASMOVED, SYSTEMFULL, NOTACCEPT, MAILERERROR,
            NORELAYING, ONHOLD);

    /** Reasons a parser may guess but which the classifier is allowed to refine. */
    public static final Set<String> REFINABLE = Set.of(
            "undefined", "onhold", "systemerror", "securityerror", "networkerror", "hostunknown",
            "userunknown");

    private ReasonClassifier() {
    }

    /** The reason for a recipient whose parser did not settle it. Never empty. */
    public static String classify(Delivery d) {
        if (!d.reason.isEmpty() && !REFINABLE.contains(d.reason)) {
            return d.reason;
        }
        if (d.status.startsWith("2.")) {
            return "delivered";
        }
        String found = "";
        if (d.diagnosticType.equals("SMTP") || d.diagnosticType.isEmpty()) {
            for (Reason r : BY_CONTEXT) {
                if (r.isTrue(d)) {
                    found = r.text();
                    break;
                }
            }
        }
        if (!found.isEmpty()) {
            return found;
        }
        found = fromTextAndCode(d);
        if ("undefined".equals(found)) {
            found = "";
        }
        if (found.isEmpty() && "delayed".equals(d.action)) {
            found = "expired";
        }
        if (!found.isEmpty()) {
            return found;
        }
        if (VACATION.matches(d)) {
            return "vacation";
        }
        return d.diagnosis.isEmpty() ? "undefined" : "onhold";
    }

    private static String fromTextAndCode(Delivery d) {
        if (!d.reason.isEmpty()) {
            return d.reason;
        }
        String found = StatusCodes.reasonOf(d.status);
        boolean tryText = found.isEmpty() || "expired".equals(found) || REFINABLE.contains(found)
                || !"SMTP".equals(d.diagnosticType);
        if (!tryText) {
            return found;
        }
        String text = Reason.lower(d);
        for (Reason r : BY_TEXT) {
            if (r.matches(d)) {
                return r.text();
            }
        }
        if (!found.isEmpty()) {
            // the status code's own reason stands when no phrase says more; the rules below are
            // only for codes that name no reason (x.0.0, malformed, none)
            return found;
        }
        String klass = d.status.length() >= 3 ? d.status.substring(0, 3) : d.status;
        if (klass.equals("5.6") || klass.equals("4.6")) {
            return "contenterror";
        }
        if (klass.equals("5.7") || klass.equals("4.7")) {
            return "securityerror";
        }
        if (d.diagnosticType.equals("X-UNIX") || d.diagnosticType.equals("X-POSTFIX")) {
            return "mailererror";
        }
        if (SYNTAXERROR.isTrue(d)) {
            return "syntaxerror";
        }
        if (d.action.startsWith("delayed") || d.action.startsWith("expired")) {
            return "expired";
        }
        if (d.command.equals("EHLO") || d.command.equals("HELO")) {
            return "blocked";
        }
        return found;
    }

    /** The reason for a bare error text, for formats that give nothing but a sentence. */
    public static String fromPhrase(String text) {
        String lower = text.toLowerCase();
        for (Reason r : BY_PHRASE_ONLY) {
            if (r.match(lower)) {
                return r.text();
            }
        }
        if (lower.toUpperCase().startsWith("X-UNIX;")) {
            return "mailererror";
        }
        String reason = StatusCodes.reasonOf(StatusCodes.find(text));
        return reason.isEmpty() ? "undefined" : reason;
    }
}
