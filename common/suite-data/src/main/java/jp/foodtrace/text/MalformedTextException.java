package jp.foodtrace.text;

/**
 * Text that cannot be read or written in its charset: malformed bytes on read, a character the
 * charset has no code for on write, a broken CSV structure. {@code line} is 1-based.
 */
public class MalformedTextException extends RuntimeException {

    private final int line;

    public MalformedTextException(int line, String message) {
        super("line " + line + ": " + message, null, false, false);
        this.line = line;
    }

    public int line() {
        return line;
    }

    /** The message without the line prefix. */
    public String reason() {
        String m = getMessage();
        return m.substring(m.indexOf(": ") + 2);
    }
}
