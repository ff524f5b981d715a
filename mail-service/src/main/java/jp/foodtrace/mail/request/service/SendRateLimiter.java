package jp.foodtrace.mail.request.service;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Token bucket of one instance: {@code permitsPerSecond} tokens a second, at most {@code burst}
 * held. With a burst of 1 the sends are paced evenly, so no one-second window sees more than the
 * rate. Blocking {@link #acquire()} is fair enough for a handful of worker threads.
 */
public final class SendRateLimiter {

    private final double permitsPerSecond;
    private final double burst;
    private final LongSupplier nanoClock;
    private double tokens;
    private long lastRefill;

    public SendRateLimiter(double permitsPerSecond, int burst, LongSupplier nanoClock) {
        if (!(permitsPerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + permitsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1: " + burst);
        }
        this.permitsPerSecond = permitsPerSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.tokens = 1;
        this.lastRefill = nanoClock.getAsLong();
    }

    /** The share of one instance: the account's rate divided by the instances sharing it. */
    public static SendRateLimiter forInstance(double accountRate, int instances, int burst) {
        return new SendRateLimiter(accountRate / Math.max(1, instances), burst, System::nanoTime);
    }

    public double permitsPerSecond() {
        return permitsPerSecond;
    }

    /** Takes one token, waiting as long as needed. */
    public void acquire() throws InterruptedException {
        while (true) {
            long waitNanos = tryReserve();
            if (waitNanos == 0) {
                return;
            }
            LockSupport.parkNanos(this, waitNanos);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** Takes a token if one is there (returns 0), else returns how long until one will be. */
    public synchronized long tryReserve() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / permitsPerSecond * TimeUnit.SECONDS.toNanos(1)));
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(burst, tokens + (now - lastRefill) / (double) Duration.ofSeconds(1).toNanos() * permitsPerSecond);
        lastRefill = now;
    }
}
