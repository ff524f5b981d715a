package jp.foodtrace.sim;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.ConcurrentHistogram;

/** Latency percentiles in milliseconds, recorded from any thread. */
final class Latencies {

    private final ConcurrentHistogram micros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);

    void record(long nanos) {
        micros.recordValue(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), micros.getHighestTrackableValue())));
    }

    long count() {
        return micros.getTotalCount();
    }

    double percentileMillis(double p) {
        return micros.getValueAtPercentile(p) / 1000.0;
    }

    String summary() {
        return String.format("p50 %.1f ms  p99 %.1f ms  p99.9 %.1f ms  max %.1f ms  (n=%d)", percentileMillis(50),
                percentileMillis(99), percentileMillis(99.9), micros.getMaxValue() / 1000.0, count());
    }
}
