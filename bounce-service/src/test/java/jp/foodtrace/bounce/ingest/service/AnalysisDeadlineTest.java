package jp.foodtrace.bounce.ingest.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jp.foodtrace.bounce.config.BounceConfig;
import jp.foodtrace.bounce.fact.Bounce;
import jp.foodtrace.bounce.fact.repository.BounceRepository;
import jp.foodtrace.testsupport.SuitePlatformResource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** A message whose analysis outlasts the deadline is stopped and quarantined as analysis-timeout. */
@QuarkusTest
@TestProfile(AnalysisDeadlineTest.TinyDeadline.class)
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "bounce-service"),
        @ResourceArg(name = "parts", value = "KAFKA,S3") })
class AnalysisDeadlineTest {

    public static class TinyDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("suite.bounce.analysis-deadline", "PT0.001S");
        }
    }

    @Inject
    S3Client s3;

    @Inject
    BounceConfig config;

    @Inject
    BounceRepository bounces;

    @Inject
    MeterRegistry meters;

    @Test
    void messageAnalysedLongerThanTheDeadlineIsQuarantinedAsAnalysisTimeout() {
        assertEquals(Duration.ofMillis(1), config.analysisDeadline());
        StringBuilder mail = new StringBuilder("""
                From: Mail Delivery System <MAILER-DAEMON@mx.example.jp>
                To: sender@example.jp
                Subject: Undelivered Mail Returned to Sender
                Date: Thu, 9 Apr 2015 10:00:00 +0900
                Message-ID: <crafted@mx.example.jp>
                Received: from mx.example.jp by mx.example.jp

                This is the mail system at host mx.example.jp.

                """);
        for (int i = 0; i < 1_000; i++) {
            mail.append("<a").append(i).append("@example.jp>: host mx.example.jp said: 550 5.1.1 ")
                    .append(" @".repeat(40)).append('\n');
        }
        String key = config.prefix() + "crafted-" + UUID.randomUUID() + ".eml";
        s3.putObject(b -> b.bucket(config.bucket()).key(key), RequestBody.fromBytes(mail.toString().getBytes(StandardCharsets.US_ASCII)));

        String quarantined = config.quarantinePrefix() + key;
        // copied to quarantine/, then the original deleted: wait for both
        await("quarantined copy of " + key).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> exists(quarantined) && !exists(key));
        var head = s3.headObject(b -> b.bucket(config.bucket()).key(quarantined));
        assertEquals("analysis-timeout", head.metadata().get(ObjectIngestion.REASON_METADATA), head.metadata().toString());
        assertTrue(head.metadata().get(ObjectIngestion.DETAIL_METADATA).contains("analysis took longer than"),
                head.metadata().toString());
        assertTrue(bounces.bySource(Bounce.S3, key).isEmpty(), "no facts from a stopped analysis");
        assertTrue(meters.get("suite.bounce-service.objects").tag("outcome", "quarantined").counter().count() >= 1);
    }

    private boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(config.bucket()).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }
}
