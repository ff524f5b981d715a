package jp.foodtrace.mail;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.testsupport.TestEvents;
import jp.foodtrace.testsupport.TestPlatform;

/** Helpers of the mail platform tests: requests, waiting for outcomes, what the SES endpoint and SMTP sink hold. */
final class MailTestSupport {

    static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final List<String> FINAL = List.of("SENT", "SUPPRESSED", "FAILED", "UNKNOWN");

    private MailTestSupport() {
    }

    /** The local and test operator token (suite.mail.senders.ops). */
    static final String OPS_TOKEN = "local-ops-token";

    /** A request with the operator's bearer token. */
    static RequestSpecification ops() {
        return as(OPS_TOKEN);
    }

    /** A request with a sender's bearer token. */
    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    /** A recall notice (category recall: no unsubscribe, stopped only by a hard bounce). */
    static String recallJson(String requestId, String recipient) {
        return recallNoticeJson(requestId, recipient).replace("\"category\":\"notice\"", "\"category\":\"recall\"");
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
        return awaitView(requestId, view -> FINAL.contains(view.getString("status")), "did not finish");
    }

    /**
     * Waits until the request's REST view meets the condition; returns it. On timeout the failure
     * shows the last view seen.
     */
    static JsonPath awaitView(String requestId, Predicate<JsonPath> condition, String otherwise) {
        AtomicReference<JsonPath> last = new AtomicReference<>();
        try {
            return await("request " + requestId).atMost(WAIT).pollInterval(POLL).until(() -> {
                var response = ops().get("/v1/mail/requests/" + requestId);
                if (response.statusCode() != 200) {
                    return null;
                }
                last.set(response.jsonPath());
                return last.get();
            }, view -> view != null && condition.test(view));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("request " + requestId + " " + otherwise + ": "
                    + (last.get() == null ? "unknown" : last.get().prettify()), e);
        }
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

    /**
     * The outcome event of a request on mail.events.v1, read from the start of the topic: a request
     * from the topic by its id, one of the ops sender by {@code ops/<id>}.
     */
    static ConsumerRecord<String, String> awaitOutcomeEvent(String requestId) {
        return awaitRecord(Topics.MAIL_EVENTS, record -> !record.value().contains("\"BOUNCED\"")
                && (record.value().contains("\"requestId\":\"" + requestId + "\"")
                        || record.value().contains("\"requestId\":\"ops/" + requestId + "\"")),
                "outcome event of " + requestId);
    }

    /**
     * The first record on a topic, read from its start, that meets the condition. Other tests write
     * to the same topics, so records are found by content, not position.
     */
    static ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> wanted,
            String what) {
        TestEvents events = TestEvents.onTestPlatform();
        return await(what + " on " + topic).atMost(WAIT).pollInterval(POLL)
                .until(() -> events.read(topic, Integer.MAX_VALUE, Duration.ofSeconds(4)).stream().filter(wanted)
                        .findFirst(), Optional::isPresent)
                .orElseThrow();
    }
}
