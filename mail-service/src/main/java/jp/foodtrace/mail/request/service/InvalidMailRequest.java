package jp.foodtrace.mail.request.service;

/**
 * A request that can never be sent as it stands (unknown template, missing parameter, bad
 * address). REST answers 400 with {@link #code()}; the topic consumer dead-letters the record.
 */
public class InvalidMailRequest extends RuntimeException {

    private final String code;

    public InvalidMailRequest(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** Stable reason: {@code unknown-template}, {@code missing-parameter}, {@code invalid-field}. */
    public String code() {
        return code;
    }
}
