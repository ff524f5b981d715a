package jp.foodtrace.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How consumers retry a failure that may pass ({@link Failures.Kind#TRANSIENT}): exponential backoff
 * from {@link #initialDelay()} doubling up to {@link #maxDelay()}, without committing the offset and
 * without dead-lettering, for as long as {@link #giveUpAfter()} allows (forever by default).
 */
@ConfigMapping(prefix = "suite.messaging.retry")
public interface RetryConfig {

    /** Wait before the first retry. */
    @WithDefault("0.5s")
    Duration initialDelay();

    /** Longest wait between two tries; the wait doubles up to it. */
    @WithDefault("30s")
    Duration maxDelay();

    /**
     * How long a record may keep failing transiently before it is dead-lettered after all (its
     * dead-letter reason says so, and it can be replayed). Absent: retried until it succeeds, which
     * is what the order and shipment streams must do so that no acknowledged order is lost.
     */
    Optional<Duration> giveUpAfter();

    /** {@link #giveUpAfter()} for single topics, by topic name (quote names with dots). */
    Map<String, Duration> topicGiveUpAfter();

    /** The schedule for records of one topic. */
    default RetrySchedule scheduleFor(String topic) {
        Duration giveUp = topicGiveUpAfter().get(topic);
        return new RetrySchedule(initialDelay(), maxDelay(),
                giveUp != null ? Optional.of(giveUp) : giveUpAfter());
    }
}
