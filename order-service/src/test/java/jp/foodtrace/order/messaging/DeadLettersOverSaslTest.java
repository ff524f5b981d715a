package jp.foodtrace.order.messaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.foodtrace.messaging.DeadLetters;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.testsupport.ScramKafkaResource;
import jp.foodtrace.testsupport.TestEvents;

/**
 * In a secured deployment the broker takes only authenticated clients, configured through
 * {@code KAFKA_*} variables. The dead-letter writes must connect like the channels do, or the
 * first malformed record stops the channel. Runs the service against a broker that requires
 * SASL/SCRAM; the test's own clients use the broker's plain listener.
 */
@QuarkusTest
@WithTestResource(value = ScramKafkaResource.class, initArgs = @ResourceArg(name = "service", value = "order-service"))
class DeadLettersOverSaslTest {

    @Test
    void malformedRecordsReachTheDeadLetterTopicsOverSaslFromSingleAndBatchConsumers() {
        TestEvents plain = new TestEvents(ScramKafkaResource.plainBootstrap());
        String key = "SASL-" + UUID.randomUUID();

        plain.sendWithoutHeaders(Topics.MASTER_PRODUCTS, key, "{\"itemCode\":\"4901234567894\"}");
        plain.sendWithoutHeaders(Topics.TERMINAL_ORDERS, key, "{\"storeCode\":\"" + key + "\"}");

        ConsumerRecord<String, String> product = plain.awaitKey(Topics.deadLetterOf(Topics.MASTER_PRODUCTS), key,
                Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError("no dead letter of the product record"));
        ConsumerRecord<String, String> order = plain.awaitKey(Topics.deadLetterOf(Topics.TERMINAL_ORDERS), key,
                Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError("no dead letter of the order record"));
        assertTrue(TestEvents.header(product, DeadLetters.REASON).contains("event-id"),
                TestEvents.header(product, DeadLetters.REASON));
        assertTrue(TestEvents.header(order, DeadLetters.REASON).contains("event-id"),
                TestEvents.header(order, DeadLetters.REASON));
    }
}
