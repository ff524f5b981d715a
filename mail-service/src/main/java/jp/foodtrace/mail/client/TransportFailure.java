package jp.foodtrace.mail.client;

/**
 * A send that did not go through. {@link #retriable()} says whether trying again may succeed
 * (throttling, the service or relay unavailable); otherwise the request ends as FAILED.
 */
public class TransportFailure extends Exception {

    private final boolean retriable;

    public TransportFailure(String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    public boolean retriable() {
        return retriable;
    }
}
