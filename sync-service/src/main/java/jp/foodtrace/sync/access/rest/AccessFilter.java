package jp.foodtrace.sync.access.rest;

import java.lang.reflect.Method;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.micrometer.core.instrument.MeterRegistry;
import jp.foodtrace.rest.BearerToken;
import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.rest.ProblemMappers;
import jp.foodtrace.sync.access.AdminOnly;
import jp.foodtrace.sync.access.CallingClient;
import jp.foodtrace.sync.access.ClientSystem;
import jp.foodtrace.sync.access.RequiresScope;
import jp.foodtrace.sync.access.service.ClientService;

/**
 * Authenticates every {@code /v1} and {@code /epcis} call by its bearer token and checks the scope the endpoint
 * declares: no or unknown token is 401, a token without the scope 403, both problem+json and
 * counted in {@code suite.sync_service.access.refused} by reason. An endpoint that declares
 * neither a scope nor admin-only is refused, so a forgotten annotation fails closed.
 */
public class AccessFilter {

    private static final String CHALLENGE = "Bearer realm=\"sync-service\"";

    private final ClientService clients;
    private final CallingClient calling;
    private final MeterRegistry meters;

    public AccessFilter(ClientService clients, CallingClient calling, MeterRegistry meters) {
        this.clients = clients;
        this.calling = calling;
        this.meters = meters;
    }

    @ServerRequestFilter
    public Optional<Response> authorize(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        String path = request.getUriInfo().getPath();
        if (method == null || !(path.startsWith("/v1") || path.startsWith("/epcis"))) {
            return Optional.empty();
        }
        Optional<String> bearer = BearerToken.of(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (bearer.isEmpty()) {
            return refuse(401, "unauthenticated", "missing-token", "a bearer token is required");
        }
        String token = bearer.get();
        boolean adminOnly = method.isAnnotationPresent(AdminOnly.class)
                || resource.getResourceClass().isAnnotationPresent(AdminOnly.class);
        if (adminOnly) {
            return clients.isAdmin(token) ? Optional.empty()
                    : refuse(401, "unauthenticated", "bad-admin-token", "the admin token is not valid");
        }
        RequiresScope required = Optional.ofNullable(method.getAnnotation(RequiresScope.class))
                .orElse(resource.getResourceClass().getAnnotation(RequiresScope.class));
        Optional<ClientSystem> client = clients.authenticate(token);
        if (client.isEmpty()) {
            return refuse(401, "unauthenticated", "unknown-token", "the token is not valid");
        }
        if (required == null) {
            return refuse(403, "forbidden", "undeclared-scope", "this endpoint declares no scope");
        }
        if (!client.get().has(required.value())) {
            return refuse(403, "insufficient-scope", "insufficient-scope",
                    "scope " + required.value().value() + " is required");
        }
        calling.set(client.get());
        return Optional.empty();
    }

    private Optional<Response> refuse(int status, String code, String reason, String detail) {
        meters.counter("suite.sync_service.access.refused", "reason", reason).increment();
        ProblemException refusal = status == 401
                ? ProblemException.unauthorized(code, detail, CHALLENGE)
                : ProblemException.forbidden(code, detail);
        return Optional.of(ProblemMappers.response(refusal.problem(), refusal.headers()));
    }
}
