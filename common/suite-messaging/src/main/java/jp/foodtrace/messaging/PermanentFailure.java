package jp.foodtrace.messaging;

/**
 * A failure that retrying cannot cure (malformed record, unknown reference that will never
 * appear). The consumer sends the record to the topic's dead-letter topic.
 */
public class PermanentFailure extends RuntimeException {

    public PermanentFailure(String message) {
        super(message);
    }

    public PermanentFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
