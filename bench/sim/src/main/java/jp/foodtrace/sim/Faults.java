package jp.foodtrace.sim;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Errors of the simulators counted by step and kind ({@code order:timeout}, {@code feed:refused}),
 * never thrown: a broker or service restart in the middle of a run is what fault benchmarks are
 * for, so the run goes on and the counts show what it met. Kinds: {@code timeout} (no answer in
 * time), {@code refused} (nothing listening), {@code closed} (the connection dropped mid-request),
 * {@code io} (any other transport error), {@code http-<status>} (an answer the step did not
 * expect) and {@code other}.
 */
final class Faults {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    /** Counts the error under {@code step:kind} and returns the kind. */
    String count(String step, Throwable error) {
        String kind = kind(error);
        counts.computeIfAbsent(step + ":" + kind, k -> new AtomicLong()).incrementAndGet();
        return kind;
    }

    long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    static String kind(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof Http.StatusException status) {
            return "http-" + status.status();
        }
        if (e instanceof TimeoutException || e instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (e instanceof ConnectException) {
            return "refused";
        }
        String type = e.getClass().getSimpleName();
        if (type.equals("HttpClosedException") || type.equals("ClosedChannelException")
                || String.valueOf(e.getMessage()).contains("Connection reset")) {
            return "closed";
        }
        if (e instanceof IOException) {
            return "io";
        }
        return "other";
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
