package jp.foodtrace.rest;

import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import jp.foodtrace.messaging.Failures;

/**
 * The error mappers every service shares, so that every error leaves as application/problem+json
 * with a stable code: a {@link ProblemException} as it is; framework refusals (404, 405, 406, 413,
 * 415) by status; an unreadable JSON body as 400 {@code malformed-json}; a failure that may pass
 * ({@link Failures#isTransient}: the database failing over, the broker away) as 503 with
 * Retry-After, so that a client sends the same request again; anything else as 500 without a
 * stack trace (the trace goes to the log). A service adds mappers only for its own exception types.
 *
 * <p>The body is serialised here rather than by the JAX-RS writer, so that the media type stays
 * {@code application/problem+json} whatever the request accepted (a CSV client still gets a
 * readable error).
 */
public class ProblemMappers {

    /** What a 503 asks the client to wait before sending again. */
    public static final long RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return response(e.problem(), e.headers());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return response(Problem.of(400, "malformed-json", "Malformed JSON", e.getOriginalMessage()), Map.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "rate-limited";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        String detail = status >= 500 ? "the request could not be completed" : e.getMessage();
        return response(Problem.of(status, code, e.getResponse().getStatusInfo().getReasonPhrase(), detail), Map.of());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (Failures.isTransient(e)) {
            LOG.warnf("request failed transiently: %s", Failures.describe(e));
            return problem(ProblemException.unavailable("the service is briefly unavailable; send the same request again"));
        }
        LOG.error("unexpected failure", e);
        return response(Problem.of(500, "internal-error", "Internal error", "the request could not be completed"), Map.of());
    }

    /** A problem+json response with the given headers. */
    public static Response response(Problem problem, Map<String, String> headers) {
        String body;
        try {
            body = JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem not serialisable", e);
        }
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(body);
        headers.forEach(response::header);
        return response.build();
    }
}
