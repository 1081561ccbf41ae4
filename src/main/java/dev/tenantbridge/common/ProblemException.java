package dev.tenantbridge.common;

import java.util.List;

/**
 * A failure the client can act on, carried up to the REST layer and rendered as problem+json.
 * The message is the problem's detail and is shown to the client: it must not hold SQL or internals.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.Violation> violations;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null);
    }

    public ProblemException(int status, String slug, String title, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.violations = violations;
    }

    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(400, slug, "Bad request", detail);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist");
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail);
    }

    public int status() {
        return status;
    }

    public Problem toProblem() {
        return new Problem(Problems.type(slug), title, status, getMessage(), null, violations);
    }
}
