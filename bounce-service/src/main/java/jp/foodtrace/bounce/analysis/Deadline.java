package jp.foodtrace.bounce.analysis;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A time limit for one analysis, on the analysing thread. {@code java.util.regex} does not stop on
 * a thread interrupt, so every matcher of the analyzer reads its text through {@link #guard}: a
 * text that checks the clock while the regex engine reads it, and throws {@link Exceeded} once
 * the limit has passed. Without a running limit {@link #guard} gives the text back unchanged.
 */
public final class Deadline {

    /** The analysis ran past its limit; thrown from inside a matcher or between parsing steps. */
    public static final class Exceeded extends RuntimeException {
        public Exceeded(Duration limit) {
            super("analysis took longer than " + limit, null, false, false);
        }
    }

    private record Limit(long end, Duration limit) {
    }

    private static final ThreadLocal<Limit> CURRENT = new ThreadLocal<>();

    private Deadline() {
    }

    /** Runs {@code work} on this thread, throwing {@link Exceeded} from it once {@code limit} has passed. */
    public static <T> T within(Duration limit, Supplier<T> work) {
        Limit previous = CURRENT.get();
        CURRENT.set(new Limit(System.nanoTime() + limit.toNanos(), limit));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Throws {@link Exceeded} when the current limit has passed; nothing without a limit. */
    public static void check() {
        Limit limit = CURRENT.get();
        if (limit != null && System.nanoTime() - limit.end > 0) {
            throw new Exceeded(limit.limit);
        }
    }

    /** The text a matcher should read: checked against the running limit, or {@code text} itself without one. */
    public static CharSequence guard(CharSequence text) {
        Limit limit = CURRENT.get();
        if (limit == null) {
            return text;
        }
        if (System.nanoTime() - limit.end > 0) {
            throw new Exceeded(limit.limit);
        }
        return new Guarded(text, limit);
    }

    /** Reads through to the text; looks at the clock every 1024 characters read. */
    private static final class Guarded implements CharSequence {
        private final CharSequence text;
        private final Limit limit;
        private int reads;

        Guarded(CharSequence text, Limit limit) {
            this.text = text;
            this.limit = limit;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0x3FF) == 0 && System.nanoTime() - limit.end > 0) {
                throw new Exceeded(limit.limit);
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Guarded(text.subSequence(start, end), limit);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
