package jp.foodtrace.sync;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jp.foodtrace.testsupport.TestPlatform;

/** Helpers shared by the service's tests: clients with scopes, requests with their token, reading topics. */
public final class SyncApi {

    public static final String ADMIN_TOKEN = "test-admin-token";

    private SyncApi() {
    }

    /** Registers a client with the given scopes through the admin endpoint; returns its token. */
    public static String clientWith(String... scopes) {
        return given().auth().oauth2(ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(new HashMap<>(Map.of("name", "test client", "scopes", List.of(scopes))))
                .when().post("/v1/admin/clients")
                .then().statusCode(201).extract().path("token");
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    public static String orderAcceptedJson(String orderId, String storeCode, long sequence) {
        return """
                {"orderId":"%s","receiptId":"R-%s","terminalId":"T-%s","storeCode":"%s","sequence":%d,
                 "deliveryDate":"2026-12-01","acceptedAt":"2026-11-30T01:02:03Z",
                 "lines":[{"lineNo":2,"itemCode":"4901234567894","quantity":3,"unit":"個"},
                          {"lineNo":1,"itemCode":"4901234567887","quantity":12,"unit":"ケース"}]}
                """.formatted(orderId, orderId, storeCode, storeCode, sequence);
    }

    /** Completes 12 digits to a JAN-13 with its check digit. */
    public static String jan(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int digit = twelveDigits.charAt(i) - '0';
            sum += i % 2 == 1 ? digit * 3 : digit;
        }
        return twelveDigits + (10 - sum % 10) % 10;
    }

    /**
     * Reads a topic from the beginning until the records read so far satisfy {@code done}; fails
     * when they do not within 60 s. Returns what was read.
     */
    public static List<ConsumerRecord<String, String>> readUntil(String topic,
            Predicate<List<ConsumerRecord<String, String>>> done) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestPlatform.current().config().kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "sync-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            // The consumer is not thread-safe: poll it on the test's own thread.
            await("records on " + topic).atMost(Duration.ofSeconds(60)).pollInSameThread()
                    .pollInterval(Duration.ofMillis(10)).until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                        return done.test(records);
                    });
        }
        return records;
    }
}
