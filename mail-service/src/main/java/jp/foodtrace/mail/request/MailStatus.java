package jp.foodtrace.mail.request;

/**
 * States of a request in the mail log. PENDING → CLAIMED (a worker owns it, nothing sent yet) →
 * SENDING (handed to the transport) → SENT; or SUPPRESSED, FAILED; UNKNOWN when whether the
 * message left cannot be known (no answer after the request reached SES or the relay, or the
 * instance died during the send), so it is not resent (README: Ambiguous sends).
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
