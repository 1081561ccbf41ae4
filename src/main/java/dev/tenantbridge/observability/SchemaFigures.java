package dev.tenantbridge.observability;

/**
 * One tenant's catalog entry with the storage its schema takes on the cluster, as one collection read them.
 *
 * @param schemaExists whether the tenant's schema exists on the cluster this service reads
 * @param rows estimated rows over all the schema's tables, from PostgreSQL's statistics (no table is scanned)
 */
public record SchemaFigures(
        String tenantId,
        String status,
        String cluster,
        String schemaVersion,
        boolean schemaExists,
        long totalBytes,
        long tableBytes,
        long indexBytes,
        long rows) {}
