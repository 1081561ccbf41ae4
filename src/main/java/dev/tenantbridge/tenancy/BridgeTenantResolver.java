package dev.tenantbridge.tenancy;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.RequestScoped;

/**
 * Tells Hibernate which tenant a session belongs to: always the one in the {@link TenantContext}, which only a
 * verified token (or control-plane code acting on one tenant) fills. There is no usable default tenant: the
 * default id names none, and asking for its data fails.
 */
@RequestScoped
@PersistenceUnitExtension
public class BridgeTenantResolver implements TenantResolver {

    /** A tenant id no catalog entry can have, so falling back to it can never reach a tenant's data. */
    public static final String NO_TENANT = "-none-";

    private final TenantContext context;

    BridgeTenantResolver(TenantContext context) {
        this.context = context;
    }

    @Override
    public String getDefaultTenantId() {
        return NO_TENANT;
    }

    @Override
    public String resolveTenantId() {
        return context.require().id();
    }
}
