package jp.foodtrace.messaging;

import java.time.Duration;

/**
 * A record kept failing transiently for longer than its topic's {@code give-up-after}: it is
 * dead-lettered after all, with this as the reason and the last failure as the cause.
 */
public class GaveUp extends PermanentFailure {

    public GaveUp(Duration after, int attempts, Throwable last) {
        super("gave up after " + attempts + " attempts in " + after + ": " + last, last);
    }
}
