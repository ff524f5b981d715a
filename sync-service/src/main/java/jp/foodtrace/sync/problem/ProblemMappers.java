package jp.foodtrace.sync.problem;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import jp.foodtrace.messaging.TransientFailure;

/** Every error of the HTTP API as problem+json, with one stable code per kind of error. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.toResponse();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return Problems.response(Problem.of(400, "malformed-json", "Malformed JSON", e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String code;
        if (e instanceof NotFoundException) {
            code = "not-found";
        } else if (e instanceof NotAllowedException) {
            code = "method-not-allowed";
        } else if (e instanceof NotAcceptableException) {
            code = "not-acceptable";
        } else if (e instanceof NotSupportedException) {
            code = "unsupported-media-type";
        } else {
            code = status >= 500 ? "internal-error" : "bad-request";
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        return Problems.response(Problem.of(status, code, Response.Status.fromStatusCode(status) == null
                ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase(), e.getMessage()));
    }

    /** Database or broker briefly unavailable: the client may retry. */
    @ServerExceptionMapper
    public Response unavailable(TransientFailure e) {
        LOG.warnf("transient failure: %s", e.getMessage());
        return Problems.response(Problem.of(503, "unavailable", "Service unavailable", "try again shortly"));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error", e);
        return Problems.response(Problem.of(500, "internal-error", "Internal error", "see the service log"));
    }
}
