package jp.foodtrace.mail.request.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SendRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void burstOfOnePacesSendsAtTheRate() {
        SendRateLimiter limiter = new SendRateLimiter(10, 1, now::get);
        assertEquals(0, limiter.tryReserve());
        long wait = limiter.tryReserve();
        assertEquals(TimeUnit.MILLISECONDS.toNanos(100), wait, TimeUnit.MICROSECONDS.toNanos(1));
        now.addAndGet(wait);
        assertEquals(0, limiter.tryReserve());
    }

    @Test
    void idleTimeNeverBanksMoreThanTheBurst() {
        SendRateLimiter limiter = new SendRateLimiter(10, 3, now::get);
        now.addAndGet(TimeUnit.SECONDS.toNanos(60));
        assertEquals(0, limiter.tryReserve());
        assertEquals(0, limiter.tryReserve());
        assertEquals(0, limiter.tryReserve());
        assertTrue(limiter.tryReserve() > 0, "a fourth send right away would exceed the burst");
    }

    @Test
    void noOneSecondWindowSeesMoreThanTheRateWithBurstOne() {
        SendRateLimiter limiter = new SendRateLimiter(14, 1, now::get);
        long start = now.get();
        int granted = 0;
        while (now.get() - start < TimeUnit.SECONDS.toNanos(1)) {
            long wait = limiter.tryReserve();
            if (wait == 0) {
                granted++;
            } else {
                now.addAndGet(wait);
            }
        }
        assertTrue(granted <= 14, "granted " + granted + " in one second");
        assertTrue(granted >= 13, "granted only " + granted + " in one second");
    }

    @Test
    void instanceShareIsTheAccountRateDividedByInstances() {
        assertEquals(3.5, SendRateLimiter.forInstance(14, 4, 1).permitsPerSecond(), 1e-9);
    }
}
