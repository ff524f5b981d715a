package jp.foodtrace.mail.transport.client;

/**
 * A send that did not end with the other side's acceptance. The transport that saw the failure
 * decides its {@link Kind} from the exception's type, because only it knows at which step of its
 * protocol the failure happened; the dispatcher acts on the kind and never on a message text.
 */
public class TransportFailure extends Exception {

    /** What is known about the message after the failure. */
    public enum Kind {
        /** Certainly not sent (refused connection, unknown host, throttled, 4xx/5xx answer): trying again may succeed. */
        TRANSIENT,
        /** Certainly not sent, and trying again will not change that (message rejected, SMTP 5xx). */
        PERMANENT,
        /**
         * The request may have reached the other side and been accepted, but no answer came back
         * (timeout or broken connection after the request was written). Sending again could deliver
         * the mail twice, so it is not resent.
         */
        AMBIGUOUS
    }

    private final Kind kind;

    public TransportFailure(String message, Kind kind, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retriable() {
        return kind == Kind.TRANSIENT;
    }
}
