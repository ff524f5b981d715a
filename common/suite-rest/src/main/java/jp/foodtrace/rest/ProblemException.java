package jp.foodtrace.rest;

import java.util.List;
import java.util.Map;

/**
 * Ends a request with a problem+json answer, optionally with response headers (Retry-After,
 * WWW-Authenticate). The factories are the refusals every service shares; a service adds its own
 * with {@link #ProblemException(Problem)}.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.code() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(Problem.of(400, code, "Bad request", detail));
    }

    /** 400 or 422 with one detail per wrong field or line. */
    public static ProblemException invalid(int status, String code, String title, String detail,
            List<Problem.Detail> errors) {
        return new ProblemException(Problem.of(status, code, title, detail).withErrors(errors));
    }

    /** 401 with the challenge a client needs to know how to authenticate. */
    public static ProblemException unauthorized(String code, String detail, String challenge) {
        return new ProblemException(Problem.of(401, code, "Unauthorized", detail), Map.of("WWW-Authenticate", challenge));
    }

    public static ProblemException forbidden(String code, String detail) {
        return new ProblemException(Problem.of(403, code, "Forbidden", detail));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", detail));
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(Problem.of(409, code, "Conflict", detail));
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(Problem.of(413, "body-too-large", "Request body too large", detail));
    }

    public static ProblemException unsupportedMediaType(String detail) {
        return new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type", detail));
    }

    public static ProblemException tooManyRequests(long retryAfterSeconds, String detail) {
        return new ProblemException(Problem.of(429, "rate-limited", "Too many requests", detail),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /** 503: the database or broker is briefly away; the same request may be sent again. */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(Problem.of(503, "unavailable", "Service unavailable", detail),
                Map.of("Retry-After", Long.toString(ProblemMappers.RETRY_AFTER_SECONDS)));
    }
}
