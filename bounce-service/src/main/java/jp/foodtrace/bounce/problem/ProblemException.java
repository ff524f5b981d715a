package jp.foodtrace.bounce.problem;

/** Ends a request with a problem+json answer. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.code() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(Problem.of(400, code, "Bad request", detail));
    }

    public Problem problem() {
        return problem;
    }
}
