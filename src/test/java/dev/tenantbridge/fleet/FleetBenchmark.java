package dev.tenantbridge.fleet;

import static dev.tenantbridge.fleet.Fleet.awaitJob;
import static dev.tenantbridge.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenantbridge.control.ProvisioningService;
import dev.tenantbridge.control.TenantSchemaMigrator;
import dev.tenantbridge.fleet.provisioning.FastProvisioning;
import dev.tenantbridge.support.Database;
import dev.tenantbridge.support.Tokens;
import dev.tenantbridge.tenancy.TenantId;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Fleet figures on a real fleet of tenant schemas, printed and written to {@code target/fleet-benchmark-<n>.md}.
 * Not part of the normal test run; start it with
 * {@code ./mvnw test -Dtest=FleetBenchmark -Dfleet.benchmark=true -Dfleet.benchmark.tenants=1000}.
 */
@QuarkusTest
@TestProfile(FleetBenchmark.Profile.class)
@EnabledIfSystemProperty(
        named = "fleet.benchmark",
        matches = "true",
        disabledReason = "a benchmark, run on demand with -Dfleet.benchmark=true")
class FleetBenchmark {

    /** The additive version 900, room for 20,000 tenants, and quiet per-tenant logs. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tenant-bridge.fleet.extra-migration-locations", "classpath:db/tenant-fleet-test",
                    "tenant-bridge.max-tenants", "20000",
                    "quarkus.log.category.\"dev.tenantbridge.control\".level", "WARN");
        }
    }

    private static final int FILL_THREADS = 4;
    private static final Duration PATIENCE = Duration.ofHours(2);

    @Inject
    ProvisioningService provisioning;

    @Inject
    FastProvisioning fast;

    @Inject
    TenantSchemaMigrator migrator;

    private final List<String> report = new ArrayList<>();

    @Test
    void measureTheFleet() throws Exception {
        int size = Integer.getInteger("fleet.benchmark.tenants", 1000);
        int samples = Integer.getInteger("fleet.benchmark.samples", 100);
        int baseline = Math.min(size, Integer.getInteger("fleet.benchmark.baseline", 300));
        line("# Fleet benchmark: " + size + " tenant schemas");
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores; PostgreSQL embedded, same host.");
        line("");

        fill(size - 2 * samples);
        provisioningLatency(samples);
        noOpRun(size);
        fleetMigration(size);
        sequentialFlyway(baseline);

        String text = String.join("\n", report) + "\n";
        Files.writeString(Path.of("target", "fleet-benchmark-" + size + ".md"), text);
    }

    private void fill(int count) throws Exception {
        long started = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(FILL_THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TenantId id = new TenantId(String.format(Locale.ROOT, "fill-%05d", i));
            done.add(threads.submit(() -> provisioning.provision(id)));
        }
        for (Future<?> each : done) {
            each.get();
        }
        threads.shutdown();
        double seconds = seconds(started);
        line("Filled the fleet with %d tenants (fast path, %d threads) in %.1f s: %.1f tenants/s"
                .formatted(count, FILL_THREADS, seconds, count / seconds));
        line("");
    }

    private void provisioningLatency(int samples) {
        String token = Tokens.platformAdmin();
        fast.enable(false);
        List<Long> flyway = provisionTimed("flyway", samples, token);
        fast.enable(true);
        List<Long> replay = provisionTimed("replay", samples, token);
        line("## Provisioning, POST /admin/tenants until the tenant is active (" + samples + " each, sequential)");
        line("");
        line("| Path | p50 ms | p95 ms | max ms |");
        line("|---|---|---|---|");
        line(row("Flyway on the new schema (baseline)", flyway));
        line(row("Replay of cached scripts + Flyway history rows", replay));
        line("");
    }

    private List<Long> provisionTimed(String prefix, int samples, String token) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String id = String.format(Locale.ROOT, "%s-%05d", prefix, i);
            long started = System.nanoTime();
            as(token).body(Map.of("id", id)).post("/admin/tenants").then().statusCode(201);
            millis.add((System.nanoTime() - started) / 1_000_000);
        }
        return millis;
    }

    private void noOpRun(int size) {
        line("## Fleet migration with nothing to do (" + size + " tenants, all current; goal: under 10 s at 10,000)");
        line("");
        line("| Run | POST to job ended, s | Job itself, ms |");
        line("|---|---|---|");
        for (int run = 1; run <= 2; run++) {
            long started = System.nanoTime();
            JsonPath job = awaitJob(startWholeFleetMigration(), PATIENCE);
            assertEquals(0, job.getInt("total"));
            Duration own = Duration.between(
                    OffsetDateTime.parse(job.getString("started_at")),
                    OffsetDateTime.parse(job.getString("finished_at")));
            line("| %d | %.2f | %d |".formatted(run, seconds(started), own.toMillis()));
        }
        line("");
    }

    private void fleetMigration(int size) throws SQLException {
        List<String> tenants = Database.column("SELECT id FROM control.tenants ORDER BY id");
        rewind(tenants);
        long started = System.nanoTime();
        String job = startWholeFleetMigration();
        var result = awaitJob(job, PATIENCE);
        double seconds = seconds(started);
        line("## One additive migration (ADD COLUMN) across the fleet");
        line("");
        line("| Run | Schemas | Seconds | Schemas/s | 10,000 schemas in |");
        line("|---|---|---|---|---|");
        line(rateRow(
                "Fleet job, parallelism " + result.getInt("parallelism") + ", status " + result.getString("status"),
                result.getInt("done"),
                seconds));
    }

    private void sequentialFlyway(int count) throws SQLException {
        List<String> tenants = Database.column("SELECT id FROM control.tenants ORDER BY id LIMIT " + count);
        rewind(tenants);
        long started = System.nanoTime();
        for (String tenant : tenants) {
            migrator.apply(new TenantId(tenant).schemaName());
        }
        line(rateRow("Flyway schema by schema, in sequence (baseline)", count, seconds(started)));
        line("");
    }

    private String startWholeFleetMigration() {
        return as(Tokens.platformAdmin())
                .body(Map.of())
                .post("/admin/migrations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    /** Puts the tenants back on version 1, a few hundred schemas per transaction. */
    private static void rewind(List<String> tenants) throws SQLException {
        try (Connection connection = Database.pool().getConnection()) {
            for (List<String> batch : batches(tenants, 250)) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL ROLE tenant_bridge_owner");
                    for (String tenant : batch) {
                        String schema = new TenantId(tenant).schemaName();
                        statement.addBatch("ALTER TABLE " + schema + ".users DROP COLUMN IF EXISTS loyalty_points");
                        statement.addBatch("DELETE FROM " + schema + ".flyway_schema_history WHERE version = '900'");
                    }
                    statement.executeBatch();
                    statement.execute("RESET ROLE");
                    statement.execute("UPDATE control.tenants SET schema_version = '1' WHERE id = ANY(string_to_array('"
                            + String.join(",", batch) + "', ','))");
                }
                connection.commit();
                connection.setAutoCommit(true);
            }
        }
    }

    private static List<List<String>> batches(List<String> items, int size) {
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            batches.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return batches;
    }

    private static String row(String label, List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return "| %s | %d | %d | %d |"
                .formatted(label, percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1));
    }

    private static String rateRow(String label, int schemas, double seconds) {
        double rate = schemas / seconds;
        return "| %s | %d | %.1f | %.1f | %.1f min |".formatted(label, schemas, seconds, rate, 10_000 / rate / 60);
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** Adds a line to the report and prints it at once, so a broken-off run still shows what it measured. */
    private void line(String text) {
        report.add(text);
        System.out.println("benchmark: " + text);
    }
}
