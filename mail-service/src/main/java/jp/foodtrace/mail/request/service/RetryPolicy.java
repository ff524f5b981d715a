package jp.foodtrace.mail.request.service;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter for transient send failures: the wait doubles per attempt up to
 * a ceiling, and a random part (50-100 % of it) keeps instances from retrying in step.
 */
public final class RetryPolicy {

    private final int maxAttempts;
    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    public RetryPolicy(int maxAttempts, Duration initial, Duration max, DoubleSupplier random) {
        this.maxAttempts = maxAttempts;
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The wait before the next attempt after {@code attemptsSoFar} failed ones, or empty when they are used up. */
    public Optional<Duration> nextDelay(int attemptsSoFar) {
        if (attemptsSoFar >= maxAttempts) {
            return Optional.empty();
        }
        long ceiling = max.toMillis();
        long exponential = initial.toMillis() << Math.min(30, Math.max(0, attemptsSoFar - 1));
        long base = Math.min(ceiling, exponential < 0 ? ceiling : exponential);
        long jittered = (long) (base * (0.5 + 0.5 * random.getAsDouble()));
        return Optional.of(Duration.ofMillis(Math.max(1, jittered)));
    }
}
