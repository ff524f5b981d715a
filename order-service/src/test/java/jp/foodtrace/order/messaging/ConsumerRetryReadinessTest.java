package jp.foodtrace.order.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.foodtrace.messaging.BatchIntake;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.testsupport.Management;
import jp.foodtrace.testsupport.SuitePlatformResource;

/**
 * While a consumer retries a transient failure, the running service says so: readiness is down
 * with the check {@code event-consumers} naming the topic, the retries are counted, and once the
 * failure passes readiness is up again and the records were processed once.
 */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "order-service"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class ConsumerRetryReadinessTest {

    private static final String TOPIC = Topics.SHIPMENTS;

    @Inject
    BatchIntake batches;

    @Inject
    MeterRegistry meters;

    @Test
    void readinessIsDownAndNamesTheTopicWhileItsRecordsAreRetried() throws Exception {
        double retriedBefore = retried();
        AtomicInteger failuresLeft = new AtomicInteger(3);
        List<List<String>> written = new ArrayList<>();
        List<ConsumerRecord<String, String>> poll = List.of(record("a"), record("b"));

        CompletableFuture<Void> consuming = CompletableFuture.runAsync(() -> batches.consume(poll,
                EventEnvelope::payload, items -> {
                    if (failuresLeft.getAndDecrement() > 0) {
                        throw new IllegalStateException("insert failed",
                                new SQLException("terminating connection due to administrator command", "57P01"));
                    }
                    written.add(List.copyOf(items));
                }));

        Response down = awaitReadiness(503);
        assertTrue(down.asString().contains("event-consumers"), down.asString());
        assertTrue(down.asString().contains(TOPIC), down.asString());
        assertTrue(down.asString().contains("57P01") || down.asString().contains("administrator command"),
                down.asString());

        consuming.get(30, TimeUnit.SECONDS);
        assertEquals(List.of(List.of("a", "b")), written);
        assertEquals(6, retried() - retriedBefore, "two records tried again three times");
        awaitReadiness(200);
    }

    private static Response awaitReadiness(int status) {
        // Polled often: the first retries come 0.5 s apart, and the down phase must be caught.
        return await("readiness answering " + status).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> Management.given().when().get("/q/health/ready"), response -> response.statusCode() == status);
    }

    private double retried() {
        Counter counter = meters.find("suite.order_service.events.retried").tag("topic", TOPIC).counter();
        return counter == null ? 0 : counter.count();
    }

    private static ConsumerRecord<String, String> record(String payload) {
        String key = "RETRY-" + UUID.randomUUID();
        EventEnvelope event = EventEnvelope.of("ShipmentRecorded", key, payload);
        return new ConsumerRecord<>(TOPIC, 0, 0L, 0L, TimestampType.CREATE_TIME, -1, -1, key, payload,
                event.headers(), Optional.empty());
    }
}
