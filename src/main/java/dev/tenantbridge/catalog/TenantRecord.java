package dev.tenantbridge.catalog;

import java.time.OffsetDateTime;

/**
 * One row of the tenant catalog.
 *
 * @param statementTimeoutMs the tenant's own statement timeout, or null for the service default
 * @param lastError why provisioning or a migration failed last, when the status is {@code failed}
 */
public record TenantRecord(
        String id,
        String schemaName,
        TenantStatus status,
        String cluster,
        String schemaVersion,
        Integer statementTimeoutMs,
        String lastError,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** The tenant's NOLOGIN role has the same name as its schema. */
    public String roleName() {
        return schemaName;
    }
}
