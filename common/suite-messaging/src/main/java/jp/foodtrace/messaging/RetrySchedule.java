package jp.foodtrace.messaging;

import java.time.Duration;
import java.util.Optional;

/**
 * Exponential backoff: {@code initialDelay} before the first retry, doubling up to {@code maxDelay};
 * {@code giveUpAfter} empty means retry forever.
 */
public record RetrySchedule(Duration initialDelay, Duration maxDelay, Optional<Duration> giveUpAfter) {

    public RetrySchedule {
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("retry delays must be positive with max >= initial: " + initialDelay
                    + ", " + maxDelay);
        }
    }

    /** The wait before retry number {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt) {
        Duration delay = initialDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
