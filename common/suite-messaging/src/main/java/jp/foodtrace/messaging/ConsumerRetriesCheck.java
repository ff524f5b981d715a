package jp.foodtrace.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is down while a consumer retries a transient failure (database or broker away): the
 * service is alive and will catch up by itself, so liveness stays up and nothing restarts it, but
 * it is not doing its work, and the data names the topic, since when, and the last error.
 */
@Readiness
@ApplicationScoped
public class ConsumerRetriesCheck implements HealthCheck {

    private final ConsumerRetries retries;

    public ConsumerRetriesCheck(ConsumerRetries retries) {
        this.retries = retries;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event-consumers");
        var retrying = retries.retrying();
        retrying.forEach((topic, state) -> response.withData(topic, "retrying since " + state.since() + ", attempt "
                + state.attempt() + ", next at " + state.nextTry() + ": " + state.lastError()));
        return response.status(retrying.isEmpty()).build();
    }
}
