package jp.foodtrace.gateway.order.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jp.foodtrace.rest.ProblemException;

class SubmissionMeterTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SubmissionMeter meter = new SubmissionMeter(registry);

    @Test
    void aRefusalBeforeTheTerminalIsKnownIsNoSubmission() {
        assertNull(SubmissionMeter.outcomeOf(ProblemException.unauthorized("bad-credential", "no", "Bearer")));
        meter.json(0, ProblemException.unauthorized("unknown-terminal", "no", "Bearer"));
        assertEquals(0, registry.find("suite.terminal-gateway.submissions").counters().size());
    }

    @Test
    void answersCountByOutcome() {
        meter.json(202, null);
        meter.json(200, null);
        meter.json(0, ProblemException.conflict("sequence-conflict", "used"));
        meter.json(0, ProblemException.unavailable("not stored"));
        meter.json(0, new IllegalStateException("boom"));
        meter.count("csv", SubmissionMeter.ACCEPTED);
        for (String outcome : new String[] { "accepted", "duplicate", "rejected", "unavailable", "failed" }) {
            assertEquals(1, registry.get("suite.terminal-gateway.submissions").tag("format", "json")
                    .tag("outcome", outcome).counter().count(), outcome);
        }
        assertEquals(1, registry.get("suite.terminal-gateway.submissions").tag("format", "csv").counter().count());
    }
}
