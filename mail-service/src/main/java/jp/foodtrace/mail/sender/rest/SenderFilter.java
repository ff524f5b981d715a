package jp.foodtrace.mail.sender.rest;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.micrometer.core.instrument.MeterRegistry;
import jp.foodtrace.mail.sender.CallingSender;
import jp.foodtrace.mail.sender.Sender;
import jp.foodtrace.mail.sender.service.Senders;
import jp.foodtrace.rest.BearerToken;
import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.rest.ProblemMappers;

/**
 * Authenticates every call under {@code /v1/mail/} (requests, bounces) by its bearer token: a
 * missing or unknown token is 401 with {@code WWW-Authenticate: Bearer}, as problem+json, counted in
 * {@code suite.api.refused{reason}}. What a sender may do (categories, other senders' requests,
 * ops lists) is checked where it is known, with {@link #forbidden}. The unsubscribe pages need no
 * token: the signed link is the credential.
 */
public class SenderFilter {

    public static final String PROTECTED_PATH = "/v1/mail/";
    private static final String CHALLENGE = "Bearer realm=\"mail-service\"";

    private final Senders senders;
    private final CallingSender calling;
    private final MeterRegistry meters;

    public SenderFilter(Senders senders, CallingSender calling, MeterRegistry meters) {
        this.senders = senders;
        this.calling = calling;
        this.meters = meters;
    }

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext request, ResourceInfo resource) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(PROTECTED_PATH) && !path.equals("/v1/mail")) {
            return Optional.empty();
        }
        Optional<String> token = BearerToken.of(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (token.isEmpty()) {
            return refuse("missing-token", "a bearer token is required (Authorization: Bearer <token>)");
        }
        Optional<Sender> sender = senders.authenticate(token.get());
        if (sender.isEmpty()) {
            return refuse("unknown-token", "the token is not valid");
        }
        calling.set(sender.get());
        return Optional.empty();
    }

    private Optional<Response> refuse(String reason, String detail) {
        meters.counter("suite.api.refused", "reason", reason).increment();
        ProblemException refusal = ProblemException.unauthorized("unauthenticated", detail, CHALLENGE);
        return Optional.of(ProblemMappers.response(refusal.problem(), refusal.headers()));
    }

    /** A 403 problem for an authenticated sender that may not do this, counted by reason. */
    public static ProblemException forbidden(MeterRegistry meters, String reason, String detail) {
        meters.counter("suite.api.refused", "reason", reason).increment();
        return ProblemException.forbidden(reason, detail);
    }
}
