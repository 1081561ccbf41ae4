package dev.tenantbridge.fleet.migration;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Where one tenant migration version stands in one tenant schema. */
public record LedgerEntry(
        String tenantId,
        String version,
        String description,
        String status,
        OffsetDateTime startedAt,
        Long durationMs,
        String error,
        int attempts,
        UUID jobId) {}
