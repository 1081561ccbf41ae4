package dev.tenantbridge.common;

import io.quarkus.logging.Log;
import jakarta.ws.rs.core.Response;

/** Builds problem+json responses and logs them: 4xx at INFO without a stack trace, 5xx at ERROR with one. */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:tenant-bridge:problem:";

    private Problems() {}

    public static String type(String slug) {
        return slug == null ? "about:blank" : TYPE_PREFIX + slug;
    }

    public static Problem of(int status, String slug, String detail) {
        return new Problem(type(slug), reason(status), status, detail, null, null);
    }

    public static Response response(Problem problem, String path, Throwable cause) {
        Problem located = problem.withInstance(path);
        if (located.status() >= 500) {
            Log.errorf(cause, "%d on %s: %s", located.status(), path, located.detail());
        } else {
            Log.infof("%d on %s: %s", located.status(), path, located.detail());
        }
        return Response.status(located.status())
                .type(Problem.MEDIA_TYPE)
                .entity(located)
                .build();
    }

    public static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 423 -> "Locked";
            case 428 -> "Precondition Required";
            default -> "HTTP " + status;
        };
    }
}
