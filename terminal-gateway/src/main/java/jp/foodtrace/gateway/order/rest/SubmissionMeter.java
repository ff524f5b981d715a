package jp.foodtrace.gateway.order.rest;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import jp.foodtrace.rest.ProblemException;

/**
 * {@code suite.terminal-gateway.submissions} by {@code format} (json, csv) and {@code outcome}:
 * accepted (new receipt), duplicate (a resend answered with its first receipt), rejected (the
 * order is refused: invalid, too large, sequence conflict), unavailable (not stored or not
 * confirmed; the terminal sends it again), failed (anything else). Requests refused before the
 * terminal is known count as {@code suite.terminal-gateway.auth.refused} instead.
 */
@ApplicationScoped
public class SubmissionMeter {

    public static final String ACCEPTED = "accepted";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";
    public static final String UNAVAILABLE = "unavailable";
    public static final String FAILED = "failed";

    private final MeterRegistry meters;

    public SubmissionMeter(MeterRegistry meters) {
        this.meters = meters;
    }

    public void count(String format, String outcome) {
        meters.counter("suite.terminal-gateway.submissions", "format", format, "outcome", outcome).increment();
    }

    /** Counts a JSON submission by its answer; authentication refusals are not submissions. */
    void json(int status, Throwable failure) {
        String outcome = failure == null ? (status == 202 ? ACCEPTED : DUPLICATE) : outcomeOf(failure);
        if (outcome != null) {
            count("json", outcome);
        }
    }

    static String outcomeOf(Throwable failure) {
        if (!(failure instanceof ProblemException problem)) {
            return FAILED;
        }
        int status = problem.problem().status();
        if (status == 401 || status == 403 || status == 429) {
            return null;
        }
        if (status == 503) {
            return UNAVAILABLE;
        }
        return status < 500 ? REJECTED : FAILED;
    }
}
