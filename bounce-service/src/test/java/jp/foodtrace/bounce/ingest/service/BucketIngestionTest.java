package jp.foodtrace.bounce.ingest.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.foodtrace.bounce.TestCorpus;
import jp.foodtrace.bounce.analysis.BounceAnalyzer;
import jp.foodtrace.bounce.analysis.BounceFact;
import jp.foodtrace.bounce.config.BounceConfig;
import jp.foodtrace.bounce.fact.Bounce;
import jp.foodtrace.bounce.fact.repository.BounceRepository;
import jp.foodtrace.bounce.ingest.InboundObject;
import jp.foodtrace.bounce.ingest.repository.InboundObjectRepository;
import jp.foodtrace.messaging.EventHeaders;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.testsupport.Management;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Returned mail put into the real bucket (s3proxy) is taken in by the scheduled poll, once. */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "bounce-service"),
        @ResourceArg(name = "parts", value = "KAFKA,S3") })
class BucketIngestionTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    S3Client s3;

    @Inject
    BounceConfig config;

    @Inject
    BounceRepository bounces;

    @Inject
    InboundObjectRepository objects;

    @Inject
    BucketPoller poller;

    @Inject
    MeterRegistry meters;

    @Test
    void bounceMailBecomesOneFactAndOneRecordPerRecipientAndAProcessedCopy() throws IOException {
        byte[] mail = sample("dev/lhost-postfix-11.eml");
        Set<String> expected = new TreeSet<>(new BounceAnalyzer().analyze(mail).stream().map(BounceFact::recipient).toList());
        assertTrue(expected.contains("kijitora@example.jp"), "the sample's reference recipient: " + expected);
        String key = config.prefix() + "postfix-" + UUID.randomUUID() + ".eml";

        put(key, mail);
        awaitTrue(() -> exists(config.processedPrefix() + key), "processed copy of " + key);

        List<Bounce> facts = bounces.bySource(Bounce.S3, key);
        assertEquals(expected, facts.stream().map(Bounce::recipient).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(expected.size(), facts.size(), "one fact per recipient: " + facts);
        facts.forEach(f -> assertEquals("rejected", f.reason(), f.toString()));
        assertFalse(exists(key), "the original is deleted once the copy exists");
        assertEquals("bounce", objects.find(key, facts.get(0).sourceVersion()).map(InboundObject::outcome).orElseThrow());

        List<ConsumerRecord<String, String>> records = bounceRecordsFor(facts);
        assertEquals(facts.size(), records.size(), "one mail.bounces.v1 record per fact");
        for (ConsumerRecord<String, String> record : records) {
            assertEquals("BounceRecorded", TestEvents.header(record, EventHeaders.EVENT_TYPE));
            assertTrue(expected.contains(record.key()), "key is the recipient: " + record.key());
            assertTrue(record.value().contains("\"reason\":\"rejected\""), record.value());
        }
    }

    @Test
    void sameObjectPutAgainOrPolledAgainIsNotAnalysedTwice() throws IOException {
        byte[] mail = sample("dev/lhost-postfix-11.eml");
        String key = config.prefix() + "again-" + UUID.randomUUID() + ".eml";
        put(key, mail);
        awaitTrue(() -> exists(config.processedPrefix() + key), "processed copy of " + key);
        List<Bounce> first = bounces.bySource(Bounce.S3, key);
        assertFalse(first.isEmpty());

        double analysed = meters.get("suite.bounce-service.objects.processed").counter().count();
        // The same bytes under the same key have the same ETag: already done, so only moved again.
        s3.deleteObject(b -> b.bucket(config.bucket()).key(config.processedPrefix() + key));
        put(key, mail);
        poller.poll();
        poller.poll();
        awaitTrue(() -> exists(config.processedPrefix() + key) && !exists(key), "second move of " + key);

        assertEquals(analysed, meters.get("suite.bounce-service.objects.processed").counter().count(),
                "the object was not analysed again");
        assertEquals(first, bounces.bySource(Bounce.S3, key));
        assertEquals(first.size(), bounceRecordsFor(first).size(), "no second mail.bounces.v1 record");
    }

    @Test
    void garbageGoesToQuarantineWithTheReasonInMetadataAndTheServiceGoesOn() throws IOException {
        String garbage = config.prefix() + "garbage-" + UUID.randomUUID() + ".eml";
        String binary = config.prefix() + "binary-" + UUID.randomUUID() + ".bin";
        String good = config.prefix() + "after-garbage-" + UUID.randomUUID() + ".eml";
        put(garbage, "this is not a mail message\nat all\n".getBytes(StandardCharsets.US_ASCII));
        put(binary, new byte[] { 0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01 });
        put(good, sample("dev/lhost-postfix-11.eml"));

        awaitTrue(() -> exists(config.quarantinePrefix() + garbage) && exists(config.quarantinePrefix() + binary)
                && exists(config.processedPrefix() + good), "quarantined copies and the good object processed");

        HeadObjectResponse head = head(config.quarantinePrefix() + garbage);
        assertEquals("not-mail", head.metadata().get(ObjectIngestion.REASON_METADATA), head.metadata().toString());
        assertTrue(head.metadata().get(ObjectIngestion.DETAIL_METADATA).contains("no header block"), head.metadata().toString());
        assertEquals("not-mail", head(config.quarantinePrefix() + binary).metadata().get(ObjectIngestion.REASON_METADATA));
        assertTrue(bounces.bySource(Bounce.S3, garbage).isEmpty());
        assertFalse(exists(garbage));
        assertFalse(bounces.bySource(Bounce.S3, good).isEmpty(), "the object after the garbage was still analysed");
        String metrics = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("suite_bounce_service_objects_total{outcome=\"quarantined\",service=\"bounce-service\"}"), metrics);
        assertTrue(metrics.contains("suite_bounce_service_objects_processed_total"), metrics);
    }

    @Test
    void mailThatIsNotABounceIsProcessedWithoutFacts() throws IOException {
        String key = config.prefix() + "not-bounce-" + UUID.randomUUID() + ".eml";
        put(key, sample("not-bounces/is-not-bounce-01.eml"));
        awaitTrue(() -> exists(config.processedPrefix() + key), "processed copy of " + key);
        assertTrue(bounces.bySource(Bounce.S3, key).isEmpty());
        assertFalse(exists(config.quarantinePrefix() + key));
        String etag = head(config.processedPrefix() + key).eTag().replace("\"", "");
        assertEquals("not-bounce", objects.find(key, etag).map(InboundObject::outcome).orElseThrow());
    }

    @Test
    void objectLargerThanTheLimitIsQuarantinedUnread() throws IOException {
        String key = config.prefix() + "large-" + UUID.randomUUID() + ".eml";
        byte[] big = new byte[(int) config.maxObjectSize().asLongValue() + 1];
        java.util.Arrays.fill(big, (byte) 'x');
        put(key, big);
        awaitTrue(() -> exists(config.quarantinePrefix() + key), "quarantined copy of " + key);
        assertEquals("too-large", head(config.quarantinePrefix() + key).metadata().get(ObjectIngestion.REASON_METADATA));
    }

    @Test
    void aPageOfObjectsIsTakenInByParallelWorkersAndAllAreFinishedWhenThePollReturns() throws IOException {
        assertTrue(config.parallelism() > 1, "parallelism " + config.parallelism());
        byte[] mail = sample("dev/lhost-postfix-11.eml");
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String key = config.prefix() + "parallel-" + i + "-" + UUID.randomUUID() + ".eml";
            // different bytes per object: a different ETag, so each is its own object version
            put(key, (new String(mail, StandardCharsets.ISO_8859_1) + "\n" + key + "\n").getBytes(StandardCharsets.ISO_8859_1));
            keys.add(key);
        }
        assertTrue(config.pageSize() < keys.size(), "the objects span several pages: " + config.pageSize());
        poller.poll();
        // Passes never overlap and a pass returns only when every object it listed is finished.
        for (String key : keys) {
            assertTrue(exists(config.processedPrefix() + key), "processed copy of " + key);
            assertFalse(exists(key), key + " still in the inbound prefix");
        }
        int perObject = new BounceAnalyzer().analyze(mail).size();
        for (String key : keys) {
            assertEquals(perObject, bounces.bySource(Bounce.S3, key).size(), key);
        }
    }

    @Test
    void eachStageOfTheIngestionIsTimed() throws IOException {
        java.util.Map<IngestStages.Stage, Long> before = new java.util.EnumMap<>(IngestStages.Stage.class);
        for (IngestStages.Stage stage : IngestStages.Stage.values()) {
            before.put(stage, stageTimer(stage).count());
        }
        double publishSecondsBefore = stageTimer(IngestStages.Stage.PUBLISH).totalTime(java.util.concurrent.TimeUnit.SECONDS);
        String key = config.prefix() + "timed-" + UUID.randomUUID() + ".eml";
        put(key, sample("dev/lhost-postfix-11.eml"));
        poller.poll();
        awaitTrue(() -> exists(config.processedPrefix() + key) && !exists(key), "processed copy of " + key);

        for (IngestStages.Stage stage : IngestStages.Stage.values()) {
            assertTrue(stageTimer(stage).count() > before.get(stage), stage + " was not timed");
        }
        assertTrue(stageTimer(IngestStages.Stage.PUBLISH).totalTime(java.util.concurrent.TimeUnit.SECONDS) > publishSecondsBefore,
                "the wait for the broker's confirmation is counted");
        String metrics = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String stage : List.of("list", "get", "analyze", "db", "publish", "move")) {
            assertTrue(metrics.contains("suite_bounce_service_ingest_stage_seconds_sum{service=\"bounce-service\",stage=\"" + stage + "\"}"), stage + ": " + metrics);
        }
    }

    private io.micrometer.core.instrument.Timer stageTimer(IngestStages.Stage stage) {
        return meters.get(IngestStages.NAME).tag("stage", stage.tag()).timer();
    }

    private List<ConsumerRecord<String, String>> bounceRecordsFor(List<Bounce> facts) {
        Set<String> ids = facts.stream().map(f -> f.id().toString()).collect(Collectors.toSet());
        // Everything on the topic within the time (the facts were confirmed by the broker before they were stored).
        return TestEvents.onTestPlatform().read(Topics.MAIL_BOUNCES, Integer.MAX_VALUE, Duration.ofSeconds(10)).stream()
                .filter(r -> ids.contains(TestEvents.header(r, EventHeaders.EVENT_ID)))
                .toList();
    }

    private void put(String key, byte[] bytes) {
        s3.putObject(b -> b.bucket(config.bucket()).key(key), RequestBody.fromBytes(bytes));
    }

    private boolean exists(String key) {
        try {
            head(key);
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    private HeadObjectResponse head(String key) {
        return s3.headObject(b -> b.bucket(config.bucket()).key(key));
    }

    static byte[] sample(String name) throws IOException {
        return Files.readAllBytes(TestCorpus.root().resolve(name));
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        await(what).atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(condition::getAsBoolean);
    }
}
