package jp.foodtrace.ops;

/** A command line or input the tool cannot act on; reported in one line, exit code 64. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
