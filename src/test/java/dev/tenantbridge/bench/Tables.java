package dev.tenantbridge.bench;

import java.util.List;

/** Formatting shared by the sections' tables. */
final class Tables {

    static final List<String> LOAD_COLUMNS =
            List.of("Routing", "Workload", "Tenants", "req/s", "p50 ms", "p99 ms", "checked", "crossed", "failed");

    private Tables() {}

    static List<String> loadRow(String routing, String workload, LoadResult result) {
        Latencies.Summary m = result.measured();
        return List.of(
                routing,
                workload,
                Integer.toString(result.tenants()),
                Report.number(m.requestsPerSecond()),
                Report.number(m.p50Ms()),
                Report.number(m.p99Ms()),
                Long.toString(result.checked()),
                Long.toString(result.crossings()),
                Long.toString(result.failures()));
    }

    static double rate(LoadResult result) {
        return result.measured().requestsPerSecond();
    }

    static String conditions(Run run, String distribution) {
        BenchOptions o = run.options;
        return String.format(
                "Conditions: %d connections, %.0f s warm-up, %.0f s measured per row; %s. Service pool: %d"
                        + " connections. Load generator and service share this machine's processors.",
                o.connections(), o.warmupSeconds(), o.durationSeconds(), distribution, JdbcFloor.POOL_SIZE);
    }

    static String megabytes(long bytes) {
        return Report.number(bytes / (1024.0 * 1024.0));
    }
}
