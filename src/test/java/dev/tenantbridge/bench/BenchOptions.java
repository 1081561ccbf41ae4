package dev.tenantbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param fleetSamples new tenants timed per provisioning path in the fleet figures
 * @param fleetBaseline schemas in the sample that Flyway migrates one after the other as the fleet baseline
 * @param jdbcUrl an existing PostgreSQL to use instead of the embedded one (empty: embedded)
 * @param port first of the local ports the service processes listen on
 * @param java25 home of a Java 25 for the AOT cache figures; skipped when it does not exist
 * @param output folder of the report
 * @param serviceEnvironment extra settings for every service process, as NAME=value pairs separated by commas
 *     (for example TENANT_BRIDGE_CATALOG_CACHE_TTL=60s), to measure a setting's effect
 * @param serviceJvm extra JVM options for every service process, separated by spaces (for example a flight
 *     recording), to look inside a run
 * @param sections names of the sections to run (for example routing,floor); empty: all
 */
record BenchOptions(
        int tenants,
        List<Integer> scale,
        int connections,
        double warmupSeconds,
        double durationSeconds,
        int startupRuns,
        int provisioningParallelism,
        int fleetSamples,
        int fleetBaseline,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        int port,
        Path java25,
        Path output,
        Map<String, String> serviceEnvironment,
        List<String> serviceJvm,
        List<String> sections) {

    static BenchOptions fromSystemProperties() {
        return new BenchOptions(
                integer("bench.tenants", 500),
                integers("bench.scale"),
                integer("bench.connections", 16),
                decimal("bench.warmup", 5),
                decimal("bench.duration", 10),
                integer("bench.startup-runs", 3),
                integer("bench.provisioning-parallelism", 2),
                integer("bench.fleet-samples", 50),
                integer("bench.fleet-baseline", 100),
                text("bench.jdbc-url", ""),
                text("bench.jdbc-user", "bridge"),
                text("bench.jdbc-password", "bridge"),
                integer("bench.port", 8480),
                Path.of(text("bench.java25", "/usr/lib/jvm/temurin-25-jdk-amd64")),
                Path.of(text("bench.output", "target/bench")),
                pairs("bench.service-env"),
                text("bench.service-jvm", "").isEmpty()
                        ? List.of()
                        : List.of(text("bench.service-jvm", "").split("\\s+")),
                words("bench.sections"));
    }

    boolean embedded() {
        return jdbcUrl.isBlank();
    }

    boolean hasJava25() {
        return Files.isExecutable(java25.resolve("bin/java"));
    }

    /** The most tenants the run provisions: the largest fleet, plus those the fleet figures add at each size. */
    int maxTenants() {
        int fleetFigures = (scale.size() + 1) * 2 * (FleetFigures.PROVISIONING_WARM_UP + fleetSamples);
        return scale.stream().mapToInt(Integer::intValue).reduce(tenants, Math::max) + fleetFigures;
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
        return words(key).stream().map(Integer::valueOf).toList();
    }

    private static List<String> words(String key) {
        String value = text(key, "");
        return value.isEmpty()
                ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).toList();
    }

    private static Map<String, String> pairs(String key) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : words(key)) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException(key + " takes NAME=value pairs, not " + pair);
            }
            pairs.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return pairs;
    }

    /** The options as the progress output and the report show them: everything but the password. */
    String describe() {
        return String.format(
                "tenants %d, scale %s, %d connections, %.0f s warm-up, %.0f s measured, %d start-up runs, database %s,"
                        + " service settings %s, service JVM options %s, sections %s",
                tenants,
                scale,
                connections,
                warmupSeconds,
                durationSeconds,
                startupRuns,
                embedded() ? "embedded" : jdbcUrl + " as " + jdbcUser,
                serviceEnvironment,
                serviceJvm,
                sections.isEmpty() ? "all" : sections);
    }

    /** True when the section with this key is to run. */
    boolean runs(String section) {
        return sections.isEmpty() || sections.contains(section);
    }
}
