package jp.foodtrace.messaging;

/**
 * A failure that may succeed if tried again (database or broker unavailable, timeout). The
 * consumer retries with backoff instead of dead-lettering.
 */
public class TransientFailure extends RuntimeException {

    public TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
