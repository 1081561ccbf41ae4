package dev.tenantbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's options, read from system properties ({@code -Dbench.tenants=500} and so on); each has a
 * default small enough for a run of a few minutes on a 2-core machine.
 *
 * @param tenants tenants of the spread workloads (the seed's cap per cluster is 500)
 * @param scale larger tenant counts for the many-schemas figures, none by default (for example 1000,10000)
 * @param connections concurrent connections of the load generator, and threads of the JDBC floor
 * @param warmupSeconds seconds of load before each measured phase, not counted
 * @param durationSeconds seconds of each measured phase
 * @param startupRuns starts per start-up variant; the report shows the median
 * @param provisioningParallelism provisioning calls in flight at once while preparing tenants
 * @param jdbcUrl an existing PostgreSQL to use instead of the embedded one (empty: embedded)
 * @param port first of the local ports the service processes listen on
 * @param java25 home of a Java 25 for the AOT cache figures; skipped when it does not exist
 * @param output folder of the report
 */
record BenchOptions(
        int tenants,
        List<Integer> scale,
        int connections,
        double warmupSeconds,
        double durationSeconds,
        int startupRuns,
        int provisioningParallelism,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        int port,
        Path java25,
        Path output) {

    static BenchOptions fromSystemProperties() {
        return new BenchOptions(
                integer("bench.tenants", 500),
                integers("bench.scale"),
                integer("bench.connections", 16),
                decimal("bench.warmup", 5),
                decimal("bench.duration", 10),
                integer("bench.startup-runs", 3),
                integer("bench.provisioning-parallelism", 2),
                text("bench.jdbc-url", ""),
                text("bench.jdbc-user", "bridge"),
                text("bench.jdbc-password", "bridge"),
                integer("bench.port", 8480),
                Path.of(text("bench.java25", "/usr/lib/jvm/temurin-25-jdk-amd64")),
                Path.of(text("bench.output", "target/bench")));
    }

    boolean embedded() {
        return jdbcUrl.isBlank();
    }

    boolean hasJava25() {
        return Files.isExecutable(java25.resolve("bin/java"));
    }

    /** The most tenants any part of the run provisions. */
    int maxTenants() {
        return scale.stream().mapToInt(Integer::intValue).reduce(tenants, Math::max);
    }

    private static String text(String key, String fallback) {
        String value = System.getProperty(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int integer(String key, int fallback) {
        return Integer.parseInt(text(key, Integer.toString(fallback)));
    }

    private static double decimal(String key, double fallback) {
        return Double.parseDouble(text(key, Double.toString(fallback)));
    }

    private static List<Integer> integers(String key) {
        String value = text(key, "");
        return value.isEmpty()
                ? List.of()
                : Arrays.stream(value.split(","))
                        .map(String::trim)
                        .map(Integer::valueOf)
                        .toList();
    }
}
