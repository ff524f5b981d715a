package jp.foodtrace.bounce.ingest.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.foodtrace.data.DataAccessFailure;
import jp.foodtrace.testsupport.SuitePlatformResource;

/** The claim on (key, ETag) that makes ingestion exactly-once across instances. */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "bounce-service"),
        @ResourceArg(name = "parts", value = "KAFKA,S3") })
class InboundObjectRepositoryTest {

    @Inject
    InboundObjectRepository objects;

    @Test
    void objectVersionIsClaimedByOneInstanceOnly() {
        String key = "inbound/claim-" + UUID.randomUUID();
        assertTrue(objects.claim(key, "etag-1", 10, "instance-a", Duration.ofMinutes(5)));
        assertFalse(objects.claim(key, "etag-1", 10, "instance-b", Duration.ofMinutes(5)));
        // A new version of the same key is a new object.
        assertTrue(objects.claim(key, "etag-2", 10, "instance-b", Duration.ofMinutes(5)));
    }

    @Test
    void expiredClaimIsTakenOverButAFinishedObjectNever() {
        String key = "inbound/lease-" + UUID.randomUUID();
        assertTrue(objects.claim(key, "e", 10, "dead-instance", Duration.ofMinutes(5)));
        assertTrue(objects.claim(key, "e", 10, "instance-b", Duration.ZERO), "lease ran out: taken over");
        assertFalse(objects.finish(key, "e", "dead-instance", "bounce", null, 1, "processed/" + key),
                "the instance that lost its claim cannot finish");
        assertTrue(objects.finish(key, "e", "instance-b", "bounce", null, 1, "processed/" + key));
        assertFalse(objects.claim(key, "e", 10, "instance-c", Duration.ZERO), "done objects are never claimed again");
        assertTrue(objects.find(key, "e").orElseThrow().done());
    }

    @Test
    void positionIsPersistedPerBucketAndPrefix() {
        String prefix = "p-" + UUID.randomUUID() + "/";
        assertEquals("", objects.position("bucket", prefix));
        objects.savePosition("bucket", prefix, prefix + "k42");
        assertEquals(prefix + "k42", objects.position("bucket", prefix));
        objects.savePosition("bucket", prefix, "");
        assertEquals("", objects.position("bucket", prefix));
    }

    @Test
    void refusedStatementLeavesAsDataAccessFailureWithItsSqlState() {
        // An object without a key breaks the NOT NULL constraint: the caller's failure
        // classification reads the SQLState, so it must arrive unwrapped by the repository.
        DataAccessFailure failure = assertThrows(DataAccessFailure.class,
                () -> objects.claim(null, "e", 10, "instance-a", Duration.ofMinutes(5)));
        assertEquals("23502", failure.sqlState());
        assertFalse(failure.isUniqueViolation());
    }
}
