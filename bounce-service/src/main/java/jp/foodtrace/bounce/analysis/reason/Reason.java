package jp.foodtrace.bounce.analysis.reason;

import java.util.Set;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;

/**
 * The bounce reasons, one entry each. {@link #match} looks at the error text only;
 * {@link #isTrue} also weighs the status code, the SMTP command and the reply code, the way a
 * postmaster reads a bounce: "550 5.1.1 ... (in reply to RCPT TO)" is an unknown user even
 * when the wording is unfamiliar. The order in which they are tried lives in
 * {@link ReasonClassifier}.
 */
public enum Reason {
    BLOCKED {
        @Override
        public boolean isTrue(Delivery d) {
            return "blocked".equals(d.reason) || "blocked".equals(StatusCodes.reasonOf(d.status))
                    || matches(d);
        }
    },
    CONTENTERROR,
    DELIVERED,
    EXCEEDLIMIT {
        @Override
        public boolean isTrue(Delivery d) {
            if (d.status.isEmpty()) {
                return false;
            }
            return "exceedlimit".equals(d.reason) || "exceedlimit".equals(StatusCodes.reasonOf(d.status))
                    || matches(d);
        }
    },
    EXPIRED,
    FEEDBACK,
    FILTERED {
        @Override
        public boolean isTrue(Delivery d) {
            if ("filtered".equals(d.reason)) {
                return true;
            }
            String byCode = StatusCodes.reasonOf(d.status);
            if ("suspend".equals(byCode)) {
                return false;
            }
            if ("filtered".equals(byCode)) {
                return USERUNKNOWN.matches(d) || matches(d);
            }
            if (EARLY_COMMANDS.contains(d.command)) {
                return false;
            }
            return matches(d) || USERUNKNOWN.matches(d);
        }
    },
    HASMOVED {
        @Override
        public boolean isTrue(Delivery d) {
            return "hasmoved".equals(d.reason) || matches(d);
        }
    },
    HOSTUNKNOWN {
        @Override
        public boolean isTrue(Delivery d) {
            if ("hostunknown".equals(d.reason)) {
                return true;
            }
            if ("hostunknown".equals(StatusCodes.reasonOf(d.status))) {
                return !NETWORKERROR.matches(d);
            }
            return matches(d);
        }
    },
    MAILBOXFULL {
        @Override
        public boolean isTrue(Delivery d) {
            if (d.status.isEmpty()) {
                return false;
            }
            return "mailboxfull".equals(d.reason) || "mailboxfull".equals(StatusCodes.reasonOf(d.status))
                    || matches(d);
        }
    },
    MAILERERROR,
    MESGTOOBIG {
        @Override
        public boolean isTrue(Delivery d) {
            if ("mesgtoobig".equals(d.reason)) {
                return true;
            }
            String byCode = StatusCodes.reasonOf(d.status);
            if ("mesgtoobig".equals(byCode)) {
                return true;
            }
            if ("exceedlimit".equals(byCode) || "5.2.3".equals(d.status)) {
                return false;
            }
            return matches(d);
        }
    },
    NETWORKERROR,
    NORELAYING {
        @Override
        public boolean isTrue(Delivery d) {
            if (Set.of("securityerror", "systemerror", "undefined").contains(d.reason)
                    || Set.of("CONN", "EHLO", "HELO").contains(d.command)) {
                return false;
            }
            return matches(d);
        }
    },
    NOTACCEPT {
        @Override
        public boolean isTrue(Delivery d) {
            if ("notaccept".equals(d.reason) || Set.of("521", "554", "556").contains(d.replyCode)) {
                return true;
            }
            return "MAIL".equals(d.command) && matches(d);
        }
    },
    ONHOLD {
        @Override
        public boolean isTrue(Delivery d) {
            if (d.status.isEmpty()) {
                return false;
            }
            return "onhold".equals(d.reason) || "onhold".equals(StatusCodes.reasonOf(d.status));
        }
    },
    POLICYVIOLATION,
    REJECTED {
        @Override
        public boolean isTrue(Delivery d) {
            if ("rejected".equals(d.reason)) {
                return true;
            }
            String byCode = StatusCodes.reasonOf(d.status);
            if (byCode.isEmpty()) {
                byCode = "undefined";
            }
            if ("rejected".equals(byCode)) {
                return true;
            }
            if ("MAIL".equals(d.command)) {
                return matches(d);
            }
            if ("DATA".equals(d.command)) {
                return !"userunknown".equals(byCode) && matches(d);
            }
            if (Set.of("onhold", "undefined", "securityerror", "systemerror").contains(byCode)) {
                return matches(d);
            }
            return false;
        }
    },
    SECURITYERROR,
    SPAMDETECTED {
        @Override
        public boolean isTrue(Delivery d) {
            if (d.status.isEmpty()) {
                return false;
            }
            if ("spamdetected".equals(d.reason) || "spamdetected".equals(StatusCodes.reasonOf(d.status))) {
                return true;
            }
            return !EARLY_COMMANDS.contains(d.command) && matches(d);
        }
    },
    SUSPEND {
        @Override
        public boolean isTrue(Delivery d) {
            if (d.status.isEmpty()) {
                return false;
            }
            return "suspend".equals(d.reason) || matches(d);
        }
    },
    SYNTAXERROR {
        @Override
        public boolean isTrue(Delivery d) {
            return "syntaxerror".equals(d.reason) || SYNTAX_REPLY.matcher(Deadline.guard(d.replyCode)).matches();
        }
    },
    SYSTEMERROR,
    SYSTEMFULL,
    TOOMANYCONN {
        @Override
        public boolean isTrue(Delivery d) {
            return "toomanyconn".equals(d.reason) || "toomanyconn".equals(StatusCodes.reasonOf(d.status))
                    || matches(d);
        }
    },
    UNDEFINED,
    USERUNKNOWN {
        @Override
        public boolean isTrue(Delivery d) {
            if ("userunknown".equals(d.reason)) {
                return true;
            }
            String byCode = StatusCodes.reasonOf(d.status);
            if ("suspend".equals(byCode)) {
                return false;
            }
            if ("userunknown".equals(byCode)) {
                // 5.1.1 is also sent for relaying denied, full boxes, moved users ...
                for (Reason other : new Reason[] {NORELAYING, BLOCKED, MAILBOXFULL, HASMOVED, REJECTED, NOTACCEPT}) {
                    if (other.matches(d)) {
                        return false;
                    }
                }
                return true;
            }
            return "RCPT".equals(d.command) && matches(d);
        }
    },
    VACATION,
    VIRUSDETECTED {
        @Override
        public boolean isTrue(Delivery d) {
            if ("virusdetected".equals(d.reason)) {
                return true;
            }
            return !EARLY_COMMANDS.contains(d.command) && matches(d);
        }
    };

    private static final java.util.regex.Pattern SYNTAX_REPLY = java.util.regex.Pattern.compile("[45]0[0-7]");
    private static final Set<String> EARLY_COMMANDS = Set.of("CONN", "EHLO", "HELO", "MAIL", "RCPT");

    private final String text = name().toLowerCase();

    /** The reason as written in bounce records, e.g. {@code userunknown}. */
    public String text() {
        return text;
    }

    /** Whether the lower-cased error text carries one of this reason's phrases. */
    public boolean match(String lower) {
        return Phrases.of(text).match(lower);
    }

    /** {@link #match} on the recipient's diagnosis, remembered for that text. */
    public boolean matches(Delivery d) {
        String lower = d.lowerDiagnosis();
        return d.remembered(this, lower, () -> match(lower));
    }

    /** Whether this reason applies, given everything known about the recipient. */
    public boolean isTrue(Delivery d) {
        return false;
    }

    static String lower(Delivery d) {
        return d.lowerDiagnosis();
    }
}
