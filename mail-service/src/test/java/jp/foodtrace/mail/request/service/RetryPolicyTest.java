package jp.foodtrace.mail.request.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffDoublesPerAttemptUpToTheCeiling() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(2), Duration.ofSeconds(30), () -> 1.0);
        assertEquals(Optional.of(Duration.ofSeconds(2)), policy.nextDelay(1));
        assertEquals(Optional.of(Duration.ofSeconds(4)), policy.nextDelay(2));
        assertEquals(Optional.of(Duration.ofSeconds(8)), policy.nextDelay(3));
        assertEquals(Optional.of(Duration.ofSeconds(30)), policy.nextDelay(9));
    }

    @Test
    void jitterTakesHalfToAllOfTheBackoff() {
        RetryPolicy low = new RetryPolicy(10, Duration.ofSeconds(2), Duration.ofSeconds(30), () -> 0.0);
        assertEquals(Optional.of(Duration.ofSeconds(1)), low.nextDelay(1));
        RetryPolicy mid = new RetryPolicy(10, Duration.ofSeconds(8), Duration.ofSeconds(30), () -> 0.5);
        Duration delay = mid.nextDelay(1).orElseThrow();
        assertTrue(delay.compareTo(Duration.ofSeconds(4)) > 0 && delay.compareTo(Duration.ofSeconds(8)) < 0, delay.toString());
    }

    @Test
    void noFurtherAttemptOnceAttemptsAreUsedUp() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(30), () -> 1.0);
        assertTrue(policy.nextDelay(2).isPresent());
        assertTrue(policy.nextDelay(3).isEmpty());
    }
}
