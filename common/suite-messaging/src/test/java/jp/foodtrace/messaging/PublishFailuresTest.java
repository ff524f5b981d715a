package jp.foodtrace.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per failure: whether the relay parks the row (permanent) or tries it again (may pass). */
class PublishFailuresTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new RecordTooLargeException("too large"), true),
                Arguments.of(new RecordBatchTooLargeException("batch too large"), true),
                Arguments.of(new InvalidTopicException("bad name"), true),
                Arguments.of(new SerializationException("cannot serialize"), true),
                Arguments.of(new CompletionException(new RecordTooLargeException("wrapped")), true),
                Arguments.of(new TimeoutException("metadata not available"), false),
                Arguments.of(new NotEnoughReplicasException("one replica"), false),
                Arguments.of(new UnknownTopicOrPartitionException("topic being created"), false),
                Arguments.of(new TopicAuthorizationException("ops can grant it"), false),
                Arguments.of(new IllegalStateException("Kafka did not confirm within PT10S"), false),
                Arguments.of(new TimeoutException("retriable outside", new RecordTooLargeException("inside")), false));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void onlyFailuresThatCanNeverPassAreParked(Throwable failure, boolean permanent) {
        assertEquals(permanent, PublishFailures.permanentCause(failure).isPresent(), failure.toString());
    }
}
