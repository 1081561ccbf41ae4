package dev.tenantbridge.tenancy;

import dev.tenantbridge.catalog.TenantRecord;
import dev.tenantbridge.catalog.TenantStatus;
import dev.tenantbridge.common.ProblemException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.Priority;
import jakarta.json.JsonString;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;

/**
 * Establishes the tenant of a {@link TenantApi} request from the verified token's {@code tenant_id} claim and
 * admits it only when the catalog knows the tenant and it is active: unknown or not yet provisioned tenants get
 * 403, suspended ones 423.
 */
@Provider
@TenantApi
@Priority(Priorities.AUTHORIZATION + 10)
public class TenantRequestFilter implements ContainerRequestFilter {

    public static final String TENANT_CLAIM = "tenant_id";

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final TenantDirectory directory;
    private final TenantContext context;

    TenantRequestFilter(
            SecurityIdentity identity, JsonWebToken token, TenantDirectory directory, TenantContext context) {
        this.identity = identity;
        this.token = token;
        this.directory = directory;
        this.context = context;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        String tenantId = claimedTenant();
        TenantRecord tenant = directory.find(tenantId).orElseThrow(() -> unknownTenant(tenantId));
        admit(tenant);
        context.enter(tenant);
        MDC.put("tenant", tenant.id());
    }

    private String claimedTenant() {
        Object claim = token.getClaim(TENANT_CLAIM);
        String tenantId = claim instanceof JsonString json ? json.getString() : (String) claim;
        if (tenantId == null || tenantId.isBlank()) {
            throw new ProblemException(
                    403, "no-tenant", "No tenant", "The token carries no tenant_id claim; tenant APIs need one");
        }
        if (!TenantId.isValid(tenantId)) {
            throw unknownTenant(tenantId);
        }
        return tenantId;
    }

    private static void admit(TenantRecord tenant) {
        if (tenant.status() == TenantStatus.ACTIVE) {
            return;
        }
        if (tenant.status() == TenantStatus.SUSPENDED) {
            throw new ProblemException(
                    423, "tenant-suspended", "Tenant suspended", "Tenant " + tenant.id() + " is suspended");
        }
        throw new ProblemException(
                403,
                "tenant-unavailable",
                "Tenant unavailable",
                "Tenant " + tenant.id() + " is " + tenant.status().label() + " and does not serve requests");
    }

    private static ProblemException unknownTenant(String tenantId) {
        return new ProblemException(403, "unknown-tenant", "Unknown tenant", "The token names an unknown tenant");
    }
}
