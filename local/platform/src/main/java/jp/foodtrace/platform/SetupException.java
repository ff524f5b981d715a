package jp.foodtrace.platform;

/**
 * A set-up problem the user can fix (port taken, PostgreSQL unreachable, Node missing). The
 * command line prints its message alone, without a stack trace.
 */
public class SetupException extends RuntimeException {

    public SetupException(String message) {
        super(message);
    }

    public SetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
