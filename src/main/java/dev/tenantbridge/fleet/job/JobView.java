package dev.tenantbridge.fleet.job;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A job as the API shows it: its state, its counts and, while it runs, its rate and the time it expects to need.
 *
 * @param done tenants finished without error (including those found current when their turn came)
 * @param remaining tenants not yet handled
 * @param ratePerSecond tenants finished per second since the job started
 * @param etaSeconds the estimated time left, or null while no rate is known or once the job has ended
 * @param failures the first failed tenants with their errors
 */
public record JobView(
        UUID id,
        String kind,
        String status,
        String targetVersion,
        Integer parallelism,
        int total,
        int done,
        int skipped,
        int failed,
        int remaining,
        double ratePerSecond,
        Long etaSeconds,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        String error,
        List<TenantFailure> failures) {

    /** One tenant the job failed on, and why. */
    public record TenantFailure(String tenantId, String error) {}
}
