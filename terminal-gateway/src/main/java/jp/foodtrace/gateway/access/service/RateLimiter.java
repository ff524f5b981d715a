package jp.foodtrace.gateway.access.service;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.gateway.config.GatewayConfig;
import jp.foodtrace.rest.ProblemException;

/**
 * A token bucket per terminal, per gateway instance: {@code requestBurst} tokens, refilled at
 * {@code requestsPerSecond}. With n instances behind the NLB a terminal can make up to n times the
 * rate; the limit is there to stop a runaway handheld, not to meter fair use.
 */
@ApplicationScoped
public class RateLimiter {

    private final double ratePerNano;
    private final double burst;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(GatewayConfig config) {
        this.ratePerNano = config.requestsPerSecond() / 1e9;
        this.burst = config.requestBurst();
    }

    public void acquire(String terminalId) {
        long waitNanos = buckets.computeIfAbsent(terminalId, id -> new Bucket(burst, System.nanoTime()))
                .take(System.nanoTime(), ratePerNano, burst);
        if (waitNanos > 0) {
            long seconds = Math.max(1, (long) Math.ceil(waitNanos / 1e9));
            throw ProblemException.tooManyRequests(seconds,
                    "this terminal sends faster than allowed; retry after " + seconds + " s");
        }
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        /** Takes a token; returns 0, or how long until one is available. */
        synchronized long take(long now, double ratePerNano, double burst) {
            tokens = Math.min(burst, tokens + (now - refilledAt) * ratePerNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) ((1 - tokens) / ratePerNano);
        }
    }
}
