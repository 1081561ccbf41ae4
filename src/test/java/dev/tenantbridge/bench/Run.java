package dev.tenantbridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state a benchmark run shares between its sections: options, database, signing key, report, the tenants
 * prepared so far and every load result. It also knows how to start the service and how to drive load at it.
 */
final class Run {

    static final String TRANSACTION = "transaction";
    static final String SESSION_SCHEMA = "session-schema";
    static final int PORTS = 10;
    static final int WARM_UP_ROUNDS = 12;
    static final double STEADY = 0.10;

    /** The first tenant version a run adds for its fleet migrations; production's versions stay below it. */
    static final int FIRST_ADDED_VERSION = 900;

    final BenchOptions options;
    final Cluster cluster;
    final SigningKey key;
    final Report report;
    final List<LoadResult> loads = new ArrayList<>();
    final List<Long> provisioningMillis = new ArrayList<>();
    double provisioningWallSeconds;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, LoadResult> byLabel = new HashMap<>();
    private final List<Map<String, String>> tenants = new ArrayList<>();
    private int starts;
    private int tenantVersions;

    Run(BenchOptions options, Cluster cluster, SigningKey key, Report report) {
        this.options = options;
        this.cluster = cluster;
        this.key = key;
        this.report = report;
    }

    /** The java command of this JVM, which the service and the load generator run with too. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The service's settings, as a production deployment would pass them, plus any given for one start. */
    Map<String, String> environment(String routingMode, Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", cluster.url());
        environment.put("QUARKUS_DATASOURCE_USERNAME", cluster.user());
        environment.put("QUARKUS_DATASOURCE_PASSWORD", cluster.password());
        environment.put("MP_JWT_VERIFY_PUBLICKEY", key.publicKeyPem());
        environment.put("MP_JWT_VERIFY_ISSUER", SigningKey.ISSUER);
        environment.put("TENANT_BRIDGE_MAX_TENANTS", Integer.toString(options.maxTenants()));
        environment.put("TENANT_BRIDGE_ROUTING_MODE", routingMode);
        if (tenantVersions > 0) {
            environment.put("TENANT_BRIDGE_FLEET_EXTRA_MIGRATION_LOCATIONS", "filesystem:" + migrations());
        }
        environment.putAll(options.serviceEnvironment());
        environment.putAll(settings);
        return environment;
    }

    /**
     * Starts the service on the next port of the run's range ({@link #PORTS} ports from the first, in turn; each
     * service is stopped before the next starts) and returns without waiting.
     */
    Service startService(String label, String java, List<String> jvmOptions, String routingMode) throws Exception {
        return startService(label, java, jvmOptions, environment(routingMode, Map.of()));
    }

    private Service startService(String label, String java, List<String> jvmOptions, Map<String, String> environment)
            throws Exception {
        Path log = folder("logs").resolve(label + ".log");
        int port = options.port() + starts++ % PORTS;
        Service service = Service.start(java, jvmOptions, environment, port, log);
        Progress.say("service %s starting on %s (log %s)", label, service.baseUrl(), log);
        return service;
    }

    /** Starts the service with plain JVM settings and waits until its readiness check passes. */
    Service startReady(String label, String routingMode) throws Exception {
        return startReady(label, routingMode, Map.of());
    }

    /** Starts the service with plain JVM settings plus the given ones, and waits until it is ready. */
    Service startReady(String label, String routingMode, Map<String, String> settings) throws Exception {
        Service service = startService(label, java(), options.serviceJvm(), environment(routingMode, settings));
        Duration took = service.awaitReady(Duration.ofMinutes(2));
        Progress.say("service %s ready in %d ms", label, took.toMillis());
        return service;
    }

    /**
     * Makes sure tenants 1 to {@code count} exist with their fixtures, preparing those not prepared yet, and
     * returns those fixtures.
     */
    List<Map<String, String>> tenants(Service service, int count) throws Exception {
        if (tenants.size() < count) {
            Progress.say(
                    "preparing tenants %d to %d through %s/admin/tenants",
                    tenants.size() + 1, count, service.baseUrl());
            Fixture fixture = new Fixture(service.baseUrl(), key);
            long started = System.nanoTime();
            tenants.addAll(fixture.prepare(
                    tenants.size() + 1, count, options.provisioningParallelism(), options.connections()));
            provisioningWallSeconds += (System.nanoTime() - started) / 1e9;
            provisioningMillis.addAll(fixture.provisioningMillis());
        }
        return tenants.subList(0, count);
    }

    /** How many tenants the run has prepared so far. */
    int tenantCount() {
        return tenants.size();
    }

    /** The fixtures of tenants 1 to {@code count}, which an earlier section must have prepared. */
    List<Map<String, String>> tenantsSoFar(int count) {
        if (tenants.size() < count) {
            throw new IllegalStateException("Only " + tenants.size() + " tenants were prepared, not " + count);
        }
        return tenants.subList(0, count);
    }

    /**
     * Warms a freshly started service up for a workload (class loading, JIT) with load that no figure counts, in
     * rounds of the run's warm-up time until two rounds in a row agree on the rate within {@link #STEADY} (at
     * most {@link #WARM_UP_ROUNDS} rounds). On a busy machine the JIT compilers get little processor time, so a
     * fixed short warm-up would leave a later service slower than the first, which provisioning warmed.
     */
    void warmUp(Service service, String workload, List<Map<String, String>> fixtures) throws Exception {
        double last = 0;
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            LoadSpec spec = new LoadSpec(
                    "warm-up",
                    service.baseUrl(),
                    workload,
                    options.connections(),
                    0,
                    options.warmupSeconds(),
                    fixtures);
            double rate = generate(spec).measured().requestsPerSecond();
            Progress.say("warming the service up with %s: round %d at %s req/s", workload, round, Report.number(rate));
            if (round > 1 && Math.abs(rate - last) <= STEADY * Math.max(rate, last)) {
                return;
            }
            last = rate;
        }
    }

    /** Drives one workload at the service from a load generator process and records the result. */
    LoadResult load(Service service, String label, String workload, List<Map<String, String>> fixtures)
            throws Exception {
        return load(service, label, workload, fixtures, options.durationSeconds());
    }

    private LoadResult load(
            Service service, String label, String workload, List<Map<String, String>> fixtures, double seconds)
            throws Exception {
        Progress.say(
                "load %s: %s over %d tenant(s), %d connections, %.0f s warm-up + %.0f s",
                label, workload, fixtures.size(), options.connections(), options.warmupSeconds(), seconds);
        LoadSpec spec = new LoadSpec(
                label, service.baseUrl(), workload, options.connections(), options.warmupSeconds(), seconds, fixtures);
        return record(generate(spec));
    }

    /** Two loads measured in A-B-B-A order and combined, so that a service still warming up favours neither. */
    record Comparison(LoadResult a, LoadResult b) {}

    /**
     * Measures the workload over two sets of tenants in the order A, B, B, A, each phase half the run's duration,
     * and keeps under each label the two phases combined: requests and seconds added up, p50 and p99 the mean of
     * the two phases. A service whose JIT is still compiling gets faster through the run; measured one after the
     * other, the later set would look better than it is.
     */
    Comparison compare(
            Service service,
            String workload,
            String labelA,
            List<Map<String, String>> fixturesA,
            String labelB,
            List<Map<String, String>> fixturesB)
            throws Exception {
        double half = options.durationSeconds() / 2;
        LoadResult a1 = load(service, labelA + "-1", workload, fixturesA, half);
        LoadResult b1 = load(service, labelB + "-1", workload, fixturesB, half);
        LoadResult b2 = load(service, labelB + "-2", workload, fixturesB, half);
        LoadResult a2 = load(service, labelA + "-2", workload, fixturesA, half);
        return new Comparison(combine(labelA, a1, a2), combine(labelB, b1, b2));
    }

    /** Keeps the two phases combined under the label, without counting their responses a second time. */
    private LoadResult combine(String label, LoadResult first, LoadResult second) {
        Latencies.Summary x = first.measured();
        Latencies.Summary y = second.measured();
        long requests = x.requests() + y.requests();
        double seconds = x.seconds() + y.seconds();
        Latencies.Summary both = new Latencies.Summary(
                requests,
                seconds,
                seconds > 0 ? requests / seconds : 0,
                (x.p50Ms() + y.p50Ms()) / 2,
                (x.p99Ms() + y.p99Ms()) / 2,
                requests == 0 ? 0 : (x.meanMs() * x.requests() + y.meanMs() * y.requests()) / requests);
        LoadResult combined = new LoadResult(
                label,
                first.workload(),
                first.tenants(),
                first.connections(),
                first.warmupSeconds(),
                both,
                first.checked() + second.checked(),
                first.crossings() + second.crossings(),
                first.failures() + second.failures(),
                first.firstFailure() != null ? first.firstFailure() : second.firstFailure());
        byLabel.put(label, combined);
        say(combined);
        return combined;
    }

    /** Runs the load generator in a JVM of its own on a specification file and reads its result file. */
    private LoadResult generate(LoadSpec spec) throws IOException, InterruptedException {
        Path specFile = folder("loads").resolve(spec.label() + ".spec.json");
        Path resultFile = folder("loads").resolve(spec.label() + ".result.json");
        json.writeValue(specFile.toFile(), spec);
        runGenerator(specFile, resultFile);
        return json.readValue(resultFile.toFile(), LoadResult.class);
    }

    private static void runGenerator(Path spec, Path result) throws IOException, InterruptedException {
        Process generator = new ProcessBuilder(
                        java(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LoadGenerator.class.getName(),
                        spec.toString(),
                        result.toString())
                .inheritIO()
                .start();
        if (generator.waitFor() != 0) {
            throw new IllegalStateException("The load generator failed for " + spec);
        }
    }

    /** Keeps a result (from the generator or measured in this process) and prints its summary. */
    LoadResult record(LoadResult result) {
        loads.add(result);
        byLabel.put(result.label(), result);
        say(result);
        return result;
    }

    private static void say(LoadResult result) {
        Latencies.Summary m = result.measured();
        Progress.say(
                "  %s: %s req/s, p50 %s ms, p99 %s ms, %d checked, %d crossed, %d failed%s",
                result.label(),
                Report.number(m.requestsPerSecond()),
                Report.number(m.p50Ms()),
                Report.number(m.p99Ms()),
                result.checked(),
                result.crossings(),
                result.failures(),
                result.firstFailure() == null ? "" : " (first: " + result.firstFailure() + ")");
    }

    /** A result recorded earlier in the run, by its label. */
    LoadResult result(String label) {
        LoadResult result = byLabel.get(label);
        if (result == null) {
            throw new IllegalStateException("No load result " + label + " in this run");
        }
        return result;
    }

    boolean hasResult(String label) {
        return byLabel.containsKey(label);
    }

    /**
     * Adds a tenant migration of the given SQL as the next version from {@link #FIRST_ADDED_VERSION} on, in a
     * folder of the run that every service started from now on lists as an extra migration location, and
     * returns its version.
     */
    String addTenantMigration(String sql) throws IOException {
        String version = Integer.toString(FIRST_ADDED_VERSION + tenantVersions);
        if (tenantVersions == 0) {
            clearFolder(migrations());
        }
        Files.writeString(migrations().resolve("V" + version + "__bench_step.sql"), sql + "\n");
        tenantVersions++;
        return version;
    }

    /** Where tenant migrations come from in this run, as Flyway locations. */
    String[] tenantMigrationLocations() {
        return tenantVersions == 0
                ? new String[] {"classpath:db/tenant"}
                : new String[] {"classpath:db/tenant", "filesystem:" + migrations()};
    }

    /** Creates the folder, or empties one an earlier run left. */
    private static void clearFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    private Path migrations() {
        return options.output().resolve("tenant-migrations").toAbsolutePath();
    }

    Path folder(String name) throws IOException {
        return Files.createDirectories(options.output().resolve(name));
    }
}
