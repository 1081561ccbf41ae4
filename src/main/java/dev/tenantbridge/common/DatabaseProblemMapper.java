package dev.tenantbridge.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers a write the database refused with the client's error, not a 500: a duplicate value is a 409 naming the
 * field, a missing referenced row or a failed check a 409 or 400. The SQL and the server's message stay in the log.
 */
public class DatabaseProblemMapper {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String CHECK_VIOLATION = "23514";
    private static final String TABLE_PREFIX = "^(users|products|orders|order_items)_";

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e, UriInfo uri) {
        String field = fieldOf(e.getConstraintName());
        Problem problem = switch (e.getSQLState() == null ? "" : e.getSQLState()) {
            case UNIQUE_VIOLATION -> Problems.of(409, "duplicate", "Another record already has this " + field);
            case FOREIGN_KEY_VIOLATION -> Problems.of(409, "missing-reference", field + " names no existing record");
            case CHECK_VIOLATION -> Problems.of(400, "check-failed", "The value of " + field + " is not allowed");
            default -> Problems.of(409, "constraint-violated", "The change breaks a rule of the data");
        };
        return Problems.response(problem, uri.getPath(), e);
    }

    /** Turns a PostgreSQL default constraint name such as {@code products_sku_key} into its column, {@code sku}. */
    static String fieldOf(String constraint) {
        if (constraint == null) {
            return "value";
        }
        return constraint.replaceFirst("_(key|fkey|check|pkey)$", "").replaceFirst(TABLE_PREFIX, "");
    }
}
