package dev.tenantbridge.bench;

/**
 * What one load run measured. Latency and rate cover the measured phase only (after the warm-up). Every success
 * is checked for isolation: {@code checked} counts them and {@code crossings} those that belonged to another
 * tenant; {@code failures} counts error statuses and transport errors.
 */
record LoadResult(
        String label,
        String workload,
        int tenants,
        int connections,
        double warmupSeconds,
        Latencies.Summary measured,
        long checked,
        long crossings,
        long failures,
        String firstFailure) {}
