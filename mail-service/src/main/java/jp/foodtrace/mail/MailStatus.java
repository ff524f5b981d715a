package jp.foodtrace.mail;

/**
 * States of a request in the mail log. PENDING → CLAIMED (a worker owns it, nothing sent yet) →
 * SENDING (handed to the transport) → SENT; or SUPPRESSED, FAILED; UNKNOWN when the instance died
 * while the transport had the message, so whether it left cannot be known (see README).
 */
public enum MailStatus {
    PENDING,
    CLAIMED,
    SENDING,
    SENT,
    SUPPRESSED,
    FAILED,
    UNKNOWN;

    public boolean isFinal() {
        return this == SENT || this == SUPPRESSED || this == FAILED || this == UNKNOWN;
    }
}
