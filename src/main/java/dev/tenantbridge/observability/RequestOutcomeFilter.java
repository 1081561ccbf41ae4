package dev.tenantbridge.observability;

import dev.tenantbridge.tenancy.TenantContext;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.quarkus.logging.Log;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.TimeUnit;

/**
 * Ends every request: echoes its request id, and for a request admitted as a tenant's (so the catalog knows the
 * tenant) records its duration by tenant and outcome class, never by URL.
 */
@Provider
public class RequestOutcomeFilter implements ContainerResponseFilter {

    private final TenantContext tenant;
    private final TenantMeters meters;

    RequestOutcomeFilter(TenantContext tenant, TenantMeters meters) {
        this.tenant = tenant;
        this.meters = meters;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(RequestIdFilter.REQUEST_ID) instanceof String id) {
            response.getHeaders().putSingle(RequestIdFilter.HEADER, id);
        }
        if (!(request.getProperty(RequestIdFilter.STARTED) instanceof Long started)) {
            return;
        }
        long nanos = System.nanoTime() - started;
        String outcome = Outcome.forStatus(response.getStatus()).name();
        if (tenant.isSet()) {
            meters.requests(tenant.require().id(), outcome).record(nanos, TimeUnit.NANOSECONDS);
        }
        Log.debugf(
                "%s %s answered %d in %d ms",
                request.getMethod(), request.getUriInfo().getPath(), response.getStatus(), nanos / 1_000_000);
    }
}
