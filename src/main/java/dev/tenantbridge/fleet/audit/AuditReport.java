package dev.tenantbridge.fleet.audit;

import java.util.List;
import java.util.UUID;

/**
 * The findings of one audit, per tenant; tenants with nothing to report are not listed.
 *
 * @param tenantsChecked how many tenants the audit has checked so far
 */
public record AuditReport(
        UUID auditId, String status, int tenantsChecked, int findingsTotal, List<TenantFindings> tenants) {

    /** What the audit found in one tenant. */
    public record TenantFindings(String tenantId, List<Finding> findings) {}
}
