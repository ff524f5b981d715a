package jp.foodtrace.mail;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.restassured.path.json.JsonPath;
import jp.foodtrace.testsupport.TestEvents;
import jp.foodtrace.testsupport.TestPlatform;

/** Helpers of the mail platform tests: requests, waiting for outcomes, what the SES endpoint and SMTP sink hold. */
final class MailTestSupport {

    static final Duration WAIT = Duration.ofSeconds(60);

    private MailTestSupport() {
    }

    /** A recipient no other test uses, so tests can share the SES endpoint's store. */
    static String uniqueRecipient(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
    }

    static String accountNoticeJson(String requestId, String recipient) {
        return """
                {"requestId":"%s","recipient":"%s","templateId":"account-notice","locale":"ja","category":"transactional",
                 "parameters":{"memberName":"山田 太郎","event":"パスワード変更","occurredAt":"2026-03-01 09:00"}}"""
                .formatted(requestId, recipient);
    }

    static String recallNoticeJson(String requestId, String recipient) {
        return """
                {"requestId":"%s","recipient":"%s","templateId":"recall-notice","locale":"ja","category":"notice",
                 "parameters":{"memberName":"山田 太郎","itemName":"国産若鶏もも肉","lotNumber":"L-20260301-07",
                 "reason":"異物混入の恐れ","action":"店頭から撤去してください","contact":"0120-000-000"}}"""
                .formatted(requestId, recipient);
    }

    /** Waits until the request reached a final status; returns the REST view as JSON. */
    static JsonPath awaitFinished(String requestId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonPath view = null;
        while (System.nanoTime() < deadline) {
            var response = given().get("/v1/mail/requests/" + requestId);
            if (response.statusCode() == 200) {
                view = response.jsonPath();
                String status = view.getString("status");
                if (List.of("SENT", "SUPPRESSED", "FAILED", "UNKNOWN").contains(status)) {
                    return view;
                }
            }
            sleep(200);
        }
        throw new AssertionError("request " + requestId + " did not finish: " + (view == null ? "unknown" : view.prettify()));
    }

    static String sesEndpoint() {
        return TestPlatform.current().config().sesEndpoint();
    }

    /** What the SES endpoint recorded for one recipient. */
    static List<Map<String, Object>> sesMessagesTo(String recipient) {
        List<Map<String, Object>> emails = given().get(sesEndpoint() + "/store").then().statusCode(200)
                .extract().jsonPath().getList("emails");
        List<Map<String, Object>> mine = new ArrayList<>();
        for (Map<String, Object> email : emails) {
            @SuppressWarnings("unchecked")
            Map<String, Object> destination = (Map<String, Object>) email.get("destination");
            if (String.valueOf(destination.get("to")).contains(recipient)) {
                mine.add(email);
            }
        }
        return mine;
    }

    /** The SMTP sink's JSON list of messages in a mailbox. */
    static JsonPath smtpInbox(String recipient) {
        int port = TestPlatform.current().config().smtpApiPort();
        return given().get("http://127.0.0.1:" + port + "/api/user/" + recipient + "/messages/INBOX/")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The outcome event of a request on mail.events.v1, read from the start of the topic. */
    static Optional<ConsumerRecord<String, String>> outcomeEvent(String topic, String requestId) {
        TestEvents events = TestEvents.onTestPlatform();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : events.read(topic, Integer.MAX_VALUE, Duration.ofSeconds(4))) {
                if (record.value().contains("\"requestId\":\"" + requestId + "\"")) {
                    return Optional.of(record);
                }
            }
        }
        return Optional.empty();
    }

    static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && !condition.getAsBoolean()) {
            sleep(200);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
