package dev.tenantbridge.tenancy;

import dev.tenantbridge.catalog.TenantRecord;
import jakarta.enterprise.context.RequestScoped;

/**
 * The tenant the current request (or background unit of work) acts for. It is filled only from a verified
 * token, or by control-plane code that works on one tenant; nothing a client sends can set it directly.
 */
@RequestScoped
public class TenantContext {

    private TenantRecord tenant;

    public void enter(TenantRecord tenant) {
        this.tenant = tenant;
    }

    public boolean isSet() {
        return tenant != null;
    }

    /** The current tenant; a caller that needs one and finds none has broken the routing contract. */
    public TenantRecord require() {
        if (tenant == null) {
            throw new IllegalStateException(
                    "No tenant in context: tenant data was reached outside a tenant request or tenant task");
        }
        return tenant;
    }
}
