package jp.foodtrace.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;

/**
 * The waits of consumers that retry a transient failure, and what they look like from outside.
 * A consumer that hits a {@link Failures.Kind#TRANSIENT} failure calls {@link #await} before it
 * tries the same records again, on the same worker thread: the offsets stay uncommitted, the
 * records keep their order, and the connector pauses the partitions while its queue is full, so
 * nothing else of the topic is taken in meanwhile. While a topic is retrying, the readiness check
 * ({@link ConsumerRetriesCheck}) is down and names the topic, its first failure and the last error;
 * {@code suite.<service>.events.retried} counts every record tried again, by topic.
 */
@ApplicationScoped
public class ConsumerRetries {

    private static final Logger LOG = Logger.getLogger(ConsumerRetries.class);

    /** One topic that is retrying now. */
    public record Retrying(Instant since, int attempt, String lastError, Instant nextTry) {
    }

    private final Function<String, RetrySchedule> schedules;
    private final MeterRegistry meters;
    private final String counterName;
    private final Clock clock;
    private final Map<String, Retrying> retrying = new ConcurrentHashMap<>();
    private final CountDownLatch stopping = new CountDownLatch(1);

    @Inject
    public ConsumerRetries(RetryConfig config, MeterRegistry meters,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this(config::scheduleFor, meters, service, Clock.systemUTC());
    }

    ConsumerRetries(Function<String, RetrySchedule> schedules, MeterRegistry meters, String service, Clock clock) {
        this.schedules = schedules;
        this.meters = meters;
        this.counterName = "suite." + service.replace('-', '_') + ".events.retried";
        this.clock = clock;
    }

    /** How work tried by {@link #untilNotTransient} ended: its value, or the permanent failure. */
    public record Tried<T>(T value, RuntimeException failure) {
    }

    /**
     * Runs {@code work} (one try, on {@code records} records of {@code topic}) until it succeeds or
     * fails permanently: a transient failure ({@link Failures}) is waited out and tried again. Ends
     * with the permanent failure, a {@link GaveUp} once the topic's give-up time has passed, as the
     * {@link Tried#failure()}; a service stopping mid-retry throws a {@link TransientFailure}.
     */
    public <T> Tried<T> untilNotTransient(String topic, int records, Supplier<T> work) {
        Attempts attempts = attempts(topic);
        while (true) {
            try {
                T value = work.get();
                attempts.succeeded();
                return new Tried<>(value, null);
            } catch (RuntimeException e) {
                if (!Failures.isTransient(e)) {
                    attempts.succeeded();
                    return new Tried<>(null, e);
                }
                try {
                    attempts.await(records, e);
                } catch (GaveUp gaveUp) {
                    return new Tried<>(null, gaveUp);
                }
            }
        }
    }

    /** A deadline for records of {@code topic} that start failing now. */
    public Attempts attempts(String topic) {
        return new Attempts(topic, schedules.apply(topic));
    }

    /** As {@link #attempts}, never giving up: for writes that must not be dropped (dead letters). */
    public Attempts attemptsForever(String topic) {
        RetrySchedule schedule = schedules.apply(topic);
        return new Attempts(topic, new RetrySchedule(schedule.initialDelay(), schedule.maxDelay(), Optional.empty()));
    }

    /** The topics retrying now; empty when every consumer is making progress. */
    public Map<String, Retrying> retrying() {
        return Map.copyOf(retrying);
    }

    void stop(@Observes ShutdownEvent event) {
        stopping.countDown();
    }

    /**
     * The tries of one piece of work (a batch or a record). {@link #await} waits before the next try;
     * {@link #succeeded} ends the topic's retrying state.
     */
    public final class Attempts {

        private final String topic;
        private final RetrySchedule schedule;
        private Instant firstFailure;
        private int attempt;

        private Attempts(String topic, RetrySchedule schedule) {
            this.topic = topic;
            this.schedule = schedule;
        }

        /**
         * Waits before trying {@code records} records again after the transient {@code failure}.
         * Throws {@link GaveUp} when the topic's give-up time has passed (the caller dead-letters),
         * and a {@link TransientFailure} when the service is stopping (the caller must leave the
         * records unacknowledged: they are delivered again after the restart).
         */
        public void await(int records, Throwable failure) {
            Instant now = clock.instant();
            if (firstFailure == null) {
                firstFailure = now;
            }
            attempt++;
            Duration failingFor = Duration.between(firstFailure, now);
            if (schedule.giveUpAfter().isPresent() && failingFor.compareTo(schedule.giveUpAfter().get()) >= 0) {
                retrying.remove(topic);
                throw new GaveUp(failingFor, attempt, failure);
            }
            Duration delay = schedule.delay(attempt);
            retrying.put(topic, new Retrying(firstFailure, attempt, Failures.describe(failure), now.plus(delay)));
            Counter.builder(counterName)
                    .description("Records tried again after a transient failure, by topic")
                    .tag("topic", topic)
                    .register(meters)
                    .increment(records);
            LOG.warnf("%s: %d record(s) failed transiently (%s); try %d in %d ms", topic, records, Failures.describe(failure),
                    attempt + 1, delay.toMillis());
            try {
                if (stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new TransientFailure("service stopping while " + topic + " retries", failure);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientFailure("interrupted while " + topic + " retries", failure);
            }
        }

        /** The work went through: the topic is no longer retrying. */
        public void succeeded() {
            if (attempt > 0) {
                LOG.infof("%s: records went through after %d retries", topic, attempt);
                retrying.remove(topic);
                attempt = 0;
                firstFailure = null;
            }
        }
    }
}
