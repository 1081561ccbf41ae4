package dev.tenantbridge.observability;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id before anything else runs: the caller's {@code X-Request-Id} when it is a sensible
 * token, otherwise a fresh one. The id goes into the MDC (so every log line of the request carries it) and is
 * echoed in the response by {@link RequestOutcomeFilter}.
 */
@Provider
@PreMatching
@Priority(1)
public class RequestIdFilter implements ContainerRequestFilter {

    /** The header that carries the request id both ways. */
    public static final String HEADER = "X-Request-Id";

    public static final String MDC_REQUEST_ID = "request_id";
    public static final String MDC_TENANT = "tenant";
    static final String REQUEST_ID = RequestIdFilter.class.getName() + ".id";
    static final String STARTED = RequestIdFilter.class.getName() + ".started";

    /** What a caller's id may look like: short, and nothing that could forge a log line or a header. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public void filter(ContainerRequestContext request) {
        String offered = request.getHeaderString(HEADER);
        String id = offered != null && ACCEPTED.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
        request.setProperty(REQUEST_ID, id);
        request.setProperty(STARTED, System.nanoTime());
        MDC.remove(MDC_TENANT);
        MDC.put(MDC_REQUEST_ID, id);
    }
}
