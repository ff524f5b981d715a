package jp.foodtrace.bounce.rate.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.foodtrace.bounce.rate.service.RateLevels;
import jp.foodtrace.bounce.rate.service.RateWatch;
import jp.foodtrace.bounce.ses.SesSamples;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.testsupport.Management;
import jp.foodtrace.testsupport.Ops;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;

/** Sends from mail.events.v1 and hard bounces / complaints from the service's facts move the rates. */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "bounce-service"),
        @ResourceArg(name = "parts", value = "KAFKA,S3") })
class RateResourceTest {

    @Test
    void ratesMoveWhenSendsAndBouncesArrive() {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger watchLog = java.util.logging.Logger.getLogger(RateWatch.class.getName());
        watchLog.addHandler(capture);
        try {
            ratesMove(logged);
        } finally {
            watchLog.removeHandler(capture);
        }
    }

    private void ratesMove(List<LogRecord> logged) {
        JsonPath before = rates();
        long sends = before.getLong("rolling.sends");
        long hard = before.getLong("rolling.hardBounces");
        long complaints = before.getLong("rolling.complaints");

        TestEvents events = TestEvents.onTestPlatform();
        for (int i = 0; i < 4; i++) {
            events.send(Topics.MAIL_EVENTS, "member" + i + "@example.jp", "MailOutcome", sent("member" + i + "@example.jp"));
        }
        // A suppressed mail reached nobody and is no send.
        events.send(Topics.MAIL_EVENTS, "member9@example.jp", "MailOutcome",
                sent("member9@example.jp").replace("\"SENT\"", "\"SUPPRESSED\""));
        JsonPath afterSends = awaitRates(r -> r.getLong("rolling.sends") >= sends + 4);
        assertEquals(sends + 4, afterSends.getLong("rolling.sends"));
        assertTrue(afterSends.getLong("recentSends.sends") >= 4);

        String bounced = "rate-" + UUID.randomUUID() + "@example.jp";
        given().contentType("text/plain").body(SesSamples.sns(SesSamples.permanentBounce(bounced, "smtp; 550 5.1.1 user unknown")))
                .post("/v1/ses/notifications").then().statusCode(200);
        given().contentType("text/plain").body(SesSamples.sns(SesSamples.complaint("rate-" + UUID.randomUUID() + "@example.jp")))
                .post("/v1/ses/notifications").then().statusCode(200);

        JsonPath after = rates();
        assertEquals(sends + 4, after.getLong("rolling.sends"));
        assertEquals(hard + 1, after.getLong("rolling.hardBounces"));
        assertEquals(complaints + 1, after.getLong("rolling.complaints"));
        double bounceRate = Math.min(1.0, (double) (hard + 1) / (sends + 4));
        double complaintRate = Math.min(1.0, (double) (complaints + 1) / (sends + 4));
        assertEquals(bounceRate, after.getDouble("rolling.bounceRate"), 1e-9);
        assertEquals(complaintRate, after.getDouble("rolling.complaintRate"), 1e-9);
        assertEquals(RateLevels.levelOf(bounceRate, 0.05, 0.10).name().toLowerCase(), after.getString("rolling.bounceLevel"));
        assertEquals(RateLevels.levelOf(complaintRate, 0.001, 0.005).name().toLowerCase(),
                after.getString("rolling.complaintLevel"));
        assertEquals(0.05, after.getDouble("thresholds.bounceWarning"), 1e-12);
        assertEquals(0.005, after.getDouble("thresholds.complaintCritical"), 1e-12);

        // The gauges under the names the alert rules use carry the figures just computed.
        String metrics = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertEquals(bounceRate, gauge(metrics, "suite_bounce_service_bounce_rate"), 1e-9);
        assertEquals(complaintRate, gauge(metrics, "suite_bounce_service_complaint_rate"), 1e-9);

        // Four sends and at least one hard bounce and one complaint: both rates are critical, and that was
        // logged as an ERROR when the level was crossed (once, whichever refresh saw it first).
        assertEquals("critical", after.getString("rolling.bounceLevel"));
        assertEquals("critical", after.getString("rolling.complaintLevel"));
        awaitLogged(logged, "bounce rate CRITICAL");
        awaitLogged(logged, "complaint rate CRITICAL");
    }

    private static void awaitLogged(List<LogRecord> logged, String text) {
        Predicate<LogRecord> match = r -> r.getLevel().intValue() >= Level.SEVERE.intValue()
                && String.valueOf(r.getMessage()).contains(text) && String.valueOf(r.getMessage()).contains("rolling");
        // Each request recomputes the rates, so a crossing the schedule has not seen yet is logged now.
        await("ERROR '" + text + "' logged").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    rates();
                    assertTrue(logged.stream().anyMatch(match), "no ERROR '" + text + "' among " + logged.stream()
                            .map(r -> r.getLevel() + " " + r.getMessage()).toList());
                });
    }

    private static String sent(String recipient) {
        return "{\"requestId\":\"" + UUID.randomUUID() + "\",\"recipient\":\"" + recipient
                + "\",\"outcome\":\"SENT\",\"category\":\"account\",\"sesMessageId\":\"ses-" + UUID.randomUUID()
                + "\",\"reason\":null,\"at\":\"" + Instant.now() + "\"}";
    }

    @Test
    void ratesNeedTheOpsToken() {
        given().get("/v1/rates").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    private static JsonPath rates() {
        return Ops.given().get("/v1/rates").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitRates(Predicate<JsonPath> condition) {
        return await("rates moved").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(RateResourceTest::rates, condition::test);
    }

    private static double gauge(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? (\\S+)$").matcher(metrics);
        assertTrue(m.find(), name + " missing from /q/metrics");
        return Double.parseDouble(m.group(2));
    }
}
