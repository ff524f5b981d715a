package jp.foodtrace.bounce.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class DeadlineTest {

    /** Polynomial backtracking of high degree: without a stop this runs for minutes. */
    private static final Pattern RUNAWAY = Pattern.compile("(.*a){12}b");
    private static final String INPUT = "a".repeat(40);

    @Test
    void guardStopsARunawayRegex() {
        long start = System.nanoTime();
        assertThrows(Deadline.Exceeded.class,
                () -> Deadline.within(Duration.ofMillis(50), () -> RUNAWAY.matcher(Deadline.guard(INPUT)).find()));
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(took < 2000, "stopped soon after the limit: " + took + " ms");
    }

    @Test
    void checkFiresOnceTheLimitHasPassed() throws Exception {
        Deadline.within(Duration.ofHours(1), () -> {
            Deadline.check();
            return null;
        });
        assertThrows(Deadline.Exceeded.class, () -> Deadline.within(Duration.ofMillis(1), () -> {
            sleep(20);
            Deadline.check();
            return null;
        }));
    }

    @Test
    void withoutALimitTheTextIsReadDirectlyAndNothingFires() {
        assertSame(INPUT, Deadline.guard(INPUT));
        Deadline.check();
        assertEquals("ok", Deadline.within(Duration.ofSeconds(5), () -> "ok"));
        assertSame(INPUT, Deadline.guard(INPUT), "the limit ends with its work");
    }

    @Test
    void analyzerStopsOnACraftedMessage() {
        StringBuilder mail = new StringBuilder("From: MAILER-DAEMON@example.jp\nSubject: Undelivered Mail\n"
                + "Date: Thu, 9 Apr 2015 10:00:00 +0900\nMessage-ID: <x@example.jp>\n\n");
        mail.append(" @".repeat(100_000)).append('\n');
        assertThrows(Deadline.Exceeded.class, () -> Deadline.within(Duration.ofNanos(1),
                () -> new BounceAnalyzer().analyze(mail.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
