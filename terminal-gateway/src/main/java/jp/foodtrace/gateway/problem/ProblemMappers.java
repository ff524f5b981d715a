package jp.foodtrace.gateway.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jp.foodtrace.messaging.Failures;

/** Every error leaves as application/problem+json. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = Response.status(e.problem().status())
                .type(Problem.MEDIA_TYPE)
                .entity(e.problem());
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, code, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage()))
                .build();
    }

    /**
     * A failure that may pass (the database failing over, the broker away: {@link Failures}) is a
     * 503 with Retry-After, so that the terminal resends the same sequence later; anything else is
     * a 500.
     */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (Failures.isTransient(e)) {
            LOG.warnf("request failed transiently: %s", e.toString());
            return problem(Problems.unavailable("the service is briefly unavailable; send the same request again"));
        }
        LOG.error("unexpected failure", e);
        return Response.status(500).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(500, "internal-error", "Internal error", "the request could not be completed"))
                .build();
    }
}
