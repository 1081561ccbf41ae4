package dev.tenantbridge.fleet.maintenance;

import java.time.OffsetDateTime;

/**
 * One maintenance operation on one tenant schema, as recorded in the control schema.
 *
 * @param operation {@code analyze}, {@code vacuum analyze} or {@code refresh sales_summary}
 * @param detail what the operation covered, or why it failed
 */
public record MaintenanceRun(
        String tenantId, String operation, String status, OffsetDateTime startedAt, long durationMs, String detail) {}
