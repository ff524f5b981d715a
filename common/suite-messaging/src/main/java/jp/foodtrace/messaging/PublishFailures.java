package jp.foodtrace.messaging;

import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The one place where an outbox relay (terminal-gateway's {@code UnpublishedRelay}, sync-service's
 * {@code OutboxRelay}) decides whether a failed Kafka write may pass if tried again or can never
 * succeed, by the exception's type as Kafka's client classifies it. Anything in Kafka's
 * {@link RetriableException} hierarchy (broker down, not enough replicas, {@code TimeoutException},
 * also {@code UnknownTopicOrPartitionException}: a topic being created shows up that way) may
 * pass. Only the types listed here are permanent: the record itself is wrong for this broker or
 * topic, so sending it again gives the same answer. Everything else, including failures this
 * class does not know (an authorization error ops can fix, a send that timed out on our side),
 * counts as one that may pass: a row is parked only when it is certain that it can never go out.
 * The list matches the failures SmallRye's Kafka sink itself does not retry.
 *
 * <p>Consumers decide with {@link Failures} instead, whose default is the other way round (an
 * unknown failure is permanent and its record is dead-lettered, where it can be replayed): a relay
 * row is an event the suite has already promised, so parking it on a guess would hide it.
 */
public final class PublishFailures {

    private static final List<Class<? extends Throwable>> PERMANENT = List.of(
            RecordTooLargeException.class,
            RecordBatchTooLargeException.class,
            InvalidTopicException.class,
            InvalidRecordException.class,
            SerializationException.class,
            PermanentFailure.class);

    /** How deep a cause chain is followed: wrappers (CompletionException, nack reasons) are few. */
    private static final int MAX_DEPTH = 10;

    private PublishFailures() {
    }

    /**
     * The exception that makes this failure permanent, or empty when the failure may pass. A
     * retriable exception met first in the cause chain wins.
     */
    public static Optional<Throwable> permanentCause(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++) {
            if (t instanceof RetriableException) {
                return Optional.empty();
            }
            for (Class<? extends Throwable> permanent : PERMANENT) {
                if (permanent.isInstance(t)) {
                    return Optional.of(t);
                }
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return Optional.empty();
    }

    /** The bounded reason recorded with a parked row and used as a metric tag: the class's simple name. */
    public static String reason(Throwable permanent) {
        return permanent.getClass().getSimpleName();
    }

    /** The human-readable detail recorded with a parked row (Kafka's message names the limit). */
    public static String detail(Throwable permanent) {
        String message = permanent.getMessage();
        return message == null || message.isBlank() ? permanent.getClass().getName() : message;
    }
}
