package jp.foodtrace.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import jakarta.transaction.RollbackException;

import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void lostConnectionRefusedLoginConflictsAndTimeoutsAreTransient() {
        for (String state : new String[] {"08006", "08001", "08003", "28000", "28P01", "40001", "40P01", "55P03", "57014",
                "57P01", "57P02", "57P03", "53300"}) {
            assertTrue(Failures.isTransient(wrapped(new SQLException("x", state))), state);
        }
    }

    @Test
    void constraintViolationsAndBadDataArePermanent() {
        for (String state : new String[] {"23505", "23502", "22P02", "42P01", "42703"}) {
            assertFalse(Failures.isTransient(wrapped(new SQLException("x", state))), state);
        }
    }

    @Test
    void databaseStateDecidesOverAnEnclosingCommitFailure() {
        RollbackException commit = new RollbackException("could not commit");
        commit.initCause(new SQLException("duplicate key", "23505"));
        assertFalse(Failures.isTransient(commit));
        assertTrue(Failures.isTransient(new RollbackException("connection lost during commit")));
    }

    @Test
    void poolThatCannotHandOutAConnectionIsTransient() {
        assertTrue(Failures.isTransient(new IllegalStateException(new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void brokerAndSocketFailuresAreTransientButOversizedRecordsAreNot() {
        assertTrue(Failures.isTransient(new RuntimeException(new NotEnoughReplicasException("isr"))));
        assertTrue(Failures.isTransient(new org.apache.kafka.common.errors.TimeoutException("expired")));
        assertTrue(Failures.isTransient(new RuntimeException(new ConnectException("refused"))));
        assertFalse(Failures.isTransient(new RuntimeException(new RecordTooLargeException("too large"))));
    }

    @Test
    void explicitClassificationWinsAndTheOutermostDecides() {
        assertTrue(Failures.isTransient(new TransientFailure("inbox unavailable", new SQLException("x", "23505"))));
        assertFalse(Failures.isTransient(new PermanentFailure("bad", new SQLException("x", "08006"))));
        assertFalse(Failures.isTransient(new GaveUp(Duration.ofMinutes(1), 5, new SQLException("x", "08006"))));
    }

    @Test
    void bugsAreNotRetried() {
        assertFalse(Failures.isTransient(new NullPointerException()));
        assertFalse(Failures.isTransient(new IllegalArgumentException("bad uuid")));
    }

    @Test
    void suppressedAndNextExceptionsAreLookedAt() {
        IllegalStateException outer = new IllegalStateException("rollback failed");
        outer.addSuppressed(new ConnectException("refused"));
        assertTrue(Failures.isTransient(outer));
        SQLException batch = new SQLException("Batch entry 0 was aborted");
        batch.setNextException(new SQLException("terminating connection due to administrator command", "57P01"));
        assertTrue(Failures.isTransient(batch));
    }

    @Test
    void backoffDoublesFromHalfASecondUpToItsCeiling() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofMillis(500), Duration.ofSeconds(30), Optional.empty());
        assertEquals(Duration.ofMillis(500), schedule.delay(1));
        assertEquals(Duration.ofSeconds(1), schedule.delay(2));
        assertEquals(Duration.ofSeconds(16), schedule.delay(6));
        assertEquals(Duration.ofSeconds(30), schedule.delay(7));
        assertEquals(Duration.ofSeconds(30), schedule.delay(1000));
    }

    private static RuntimeException wrapped(SQLException e) {
        return new IllegalStateException("statement failed", e);
    }
}
