package dev.tenantbridge.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response.
 *
 * @param type a URI naming the kind of problem
 * @param title a short summary that is the same for every occurrence of the type
 * @param status the HTTP status code
 * @param detail what went wrong this time, written for the client
 * @param instance the request path the problem occurred on
 * @param violations one entry per invalid field or parameter, for validation problems
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type, String title, int status, String detail, String instance, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input: where it is and what is wrong with it. */
    public record Violation(String field, String message) {}

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, violations);
    }
}
