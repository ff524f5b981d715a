package jp.foodtrace.sync.problem;

import jakarta.ws.rs.core.Response;

/** Thrown by resources and services to answer with a problem+json response. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(int status, String code, String title, String detail) {
        super(code + ": " + detail);
        this.problem = Problem.of(status, code, title, detail);
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(400, code, "Bad request", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail);
    }

    public Problem problem() {
        return problem;
    }

    public Response toResponse() {
        return Problems.response(problem);
    }
}
