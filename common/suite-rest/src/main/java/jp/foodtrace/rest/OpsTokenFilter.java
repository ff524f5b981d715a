package jp.foodtrace.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.ConfigProvider;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The ops token on the internal APIs marked {@link OpsOnly}: a call without
 * {@code Authorization: Bearer <suite.ops.token>} is refused with 401 problem+json and
 * {@code WWW-Authenticate: Bearer}, counted in {@code suite.api.refused} by reason
 * ({@code missing-token} or {@code wrong-token}). The token is compared in constant time. A service
 * with ops APIs requires the token ({@code suite.ops.required=true},
 * {@code suite.ops.token=${SUITE_OPS_TOKEN}} in production); without a token every call is refused.
 */
@Provider
@OpsOnly
@Priority(Priorities.AUTHENTICATION)
public class OpsTokenFilter implements ContainerRequestFilter {

    static final String METER = "suite.api.refused";
    private static final String CHALLENGE = "Bearer";

    private final MeterRegistry meters;
    // Providers are built at static init, before runtime configuration exists: the token is read
    // on the first call (services with ops APIs check it at start, see OpsTokenRequired).
    private volatile Optional<byte[]> token;

    @Inject
    public OpsTokenFilter(MeterRegistry meters) {
        this.meters = meters;
    }

    private Optional<byte[]> token() {
        Optional<byte[]> known = token;
        if (known == null) {
            known = ConfigProvider.getConfig().getOptionalValue("suite.ops.token", String.class)
                    .filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
            token = known;
        }
        return known;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> bearer = BearerToken.of(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (bearer.isEmpty()) {
            refuse(request, "missing-token", "an ops token is required (Authorization: Bearer ...)");
            return;
        }
        byte[] given = bearer.get().getBytes(StandardCharsets.UTF_8);
        Optional<byte[]> expected = token();
        if (expected.isEmpty() || !MessageDigest.isEqual(expected.get(), given)) {
            refuse(request, "wrong-token", "the ops token is not valid");
        }
    }

    private void refuse(ContainerRequestContext request, String reason, String detail) {
        meters.counter(METER, "reason", reason).increment();
        ProblemException refusal = ProblemException.unauthorized("unauthenticated", detail, CHALLENGE);
        request.abortWith(ProblemMappers.response(refusal.problem(), refusal.headers()));
    }
}
