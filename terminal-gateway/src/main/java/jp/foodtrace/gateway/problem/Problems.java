package jp.foodtrace.gateway.problem;

import java.util.List;
import java.util.Map;

/** The gateway's refusals, each with its stable code. */
public final class Problems {

    private Problems() {
    }

    public static ProblemException unauthorized(String code, String detail) {
        return new ProblemException(Problem.of(401, code, "Unauthorized", detail),
                Map.of("WWW-Authenticate", "Bearer realm=\"terminals\""));
    }

    public static ProblemException forbidden(String code, String detail) {
        return new ProblemException(Problem.of(403, code, "Forbidden", detail));
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(Problem.of(400, code, "Bad request", detail));
    }

    public static ProblemException invalid(String detail, List<Problem.Detail> errors) {
        return new ProblemException(Problem.of(422, "invalid-order", "Order not valid", detail).withErrors(errors));
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

    public static ProblemException tooManyRequests(long retryAfterSeconds) {
        return new ProblemException(Problem.of(429, "rate-limited", "Too many requests",
                "this terminal sends faster than allowed; retry after " + retryAfterSeconds + " s"),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(Problem.of(503, "unavailable", "Service unavailable", detail),
                Map.of("Retry-After", "5"));
    }
}
