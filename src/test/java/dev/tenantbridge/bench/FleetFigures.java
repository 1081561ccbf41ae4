package dev.tenantbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantbridge.common.Sql;
import dev.tenantbridge.tenancy.TenantId;
import io.agroal.api.AgroalDataSource;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Provisioning and fleet migration at the size the fleet has reached: new tenants through both provisioning paths,
 * one additive migration over every tenant schema as a fleet job, the same job again with nothing to do, and
 * Flyway run schema by schema in sequence over a sample as the baseline. Each call writes one table.
 *
 * <p>Each call adds one tenant version ({@link Run#addTenantMigration}): a new column on {@code users}. Every
 * service the run starts afterwards knows it, so later provisioning builds new tenants on it.
 */
final class FleetFigures {

    static final double PROVISIONING_GOAL_MS = 250;
    static final double MIGRATION_GOAL_MINUTES = 10;
    static final int MIGRATION_GOAL_SCHEMAS = 10_000;
    static final double NO_OP_GOAL_SECONDS = 10;

    /** Provisioning calls made after a service starts and before timing begins, so that the JIT is not timed. */
    static final int PROVISIONING_WARM_UP = 5;

    private static final String OWNER_ROLE = "tenant_bridge_owner";
    private static final Duration JOB_PATIENCE = Duration.ofHours(1);

    private final Run run;
    private final ObjectMapper json = new ObjectMapper();
    private final List<List<String>> rows = new ArrayList<>();
    private final String platformToken;

    private FleetFigures(Run run) {
        this.run = run;
        this.platformToken = run.key.token(null, "platform-admin");
    }

    /** Measures the fleet as it stands and adds a table of it to the report. */
    static void measure(Run run) throws Exception {
        new FleetFigures(run).measureAll();
    }

    private void measureAll() throws Exception {
        int before = tenantCount();
        Progress.say("fleet figures at %d tenants", before);
        String stage = "fleet-" + before;
        provisioning(stage, "replay of the cached plan (default)", Map.of());
        provisioning(
                stage,
                "Flyway on the new schema (baseline)",
                Map.of("TENANT_BRIDGE_FLEET_PROVISIONING_FAST_PATH", "false"));
        String column = "bench_" + before;
        String version = run.addTenantMigration("ALTER TABLE users ADD COLUMN " + column + " integer;");
        int schemas = tenantCount();
        try (Service service = run.startReady(stage + "-migration", Run.TRANSACTION)) {
            Fixture client = new Fixture(service.baseUrl(), run.key);
            fleetMigration(client, schemas, version);
            for (int round = 1; round <= 2; round++) {
                noOpRun(client, schemas, round);
            }
        }
        sequentialFlyway(column, version);
        run.report.table(new Report.Table(
                "Provisioning and fleet migration at " + schemas + " tenant schemas",
                "Provisioning: " + run.options.fleetSamples() + " new tenants one after the other per path, after "
                        + PROVISIONING_WARM_UP + " untimed ones, each `POST /admin/tenants` until the tenant is active."
                        + " Migration: `ALTER TABLE users ADD COLUMN` as tenant version " + version + ".",
                List.of("Operation", "Schemas", "Seconds", "Rate /s", "p50 ms", "p95 ms", "Result"),
                rows,
                List.of("The fleet job applies the version with bounded parallelism on the service's shared pool and"
                        + " records each tenant in the ledger; the baseline is Flyway's Java API run over the sample"
                        + " one schema after the other on pooled connections acting as the owner role, each"
                        + " schema first put back to the version before.")));
    }

    private void provisioning(String stage, String path, Map<String, String> settings) throws Exception {
        String tag = settings.isEmpty() ? "replay" : "flyway";
        List<Long> nanos = new ArrayList<>();
        long wall;
        try (Service service = run.startReady(stage + "-provisioning-" + tag, Run.TRANSACTION, settings)) {
            Fixture client = new Fixture(service.baseUrl(), run.key);
            int samples = run.options.fleetSamples();
            for (int i = 1; i <= PROVISIONING_WARM_UP + samples; i++) {
                String id = stage + "-" + tag + "-" + i;
                long started = System.nanoTime();
                HttpResponse<String> created =
                        client.send("POST", "/admin/tenants", platformToken, "{\"id\":\"" + id + "\"}");
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("Could not provision " + id + ": " + created.body());
                }
                if (i > PROVISIONING_WARM_UP) {
                    nanos.add(System.nanoTime() - started);
                }
            }
            wall = nanos.stream().mapToLong(Long::longValue).sum();
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double p50 = Latencies.percentile(sorted, 0.50);
        double p95 = Latencies.percentile(sorted, 0.95);
        Progress.say("  provisioning, %s: p50 %s ms, p95 %s ms", path, Report.number(p50), Report.number(p95));
        rows.add(List.of(
                "Provisioning, " + path,
                Integer.toString(sorted.length),
                Report.number(wall / 1e9),
                Report.number(sorted.length / (wall / 1e9)),
                Report.number(p50),
                Report.number(p95),
                ""));
        if (settings.isEmpty()) {
            run.report.goal(
                    "provisioning p95 at " + tenantCount() + " tenants",
                    p95,
                    "≤ " + PROVISIONING_GOAL_MS + " ms",
                    p95 <= PROVISIONING_GOAL_MS,
                    "replay path, one tenant after the other");
        }
    }

    private void fleetMigration(Fixture client, int schemas, String version) throws Exception {
        long started = System.nanoTime();
        JsonNode job = awaitJob(client, startJob(client));
        double seconds = (System.nanoTime() - started) / 1e9;
        int done = job.get("done").asInt();
        double rate = done / seconds;
        double minutes = MIGRATION_GOAL_SCHEMAS / rate / 60;
        Progress.say("  fleet migration to %s: %d schemas in %s s", version, done, Report.number(seconds));
        rows.add(List.of(
                "Fleet migration job, parallelism " + job.get("parallelism").asInt(),
                Integer.toString(done),
                Report.number(seconds),
                Report.number(rate),
                "",
                "",
                job.get("status").asText() + ", " + job.get("failed").asInt() + " failed, " + Report.number(minutes)
                        + " min for 10,000"));
        if (done < schemas || job.get("failed").asInt() > 0) {
            throw new IllegalStateException("The fleet migration left schemas behind: " + job);
        }
        run.report.goal(
                "fleet migration at " + schemas + " tenants: minutes for 10,000 schemas at its rate",
                minutes,
                "≤ " + MIGRATION_GOAL_MINUTES,
                minutes <= MIGRATION_GOAL_MINUTES,
                Report.number(rate) + " schemas/s, from the POST to the job's end");
    }

    private void noOpRun(Fixture client, int schemas, int round) throws Exception {
        long started = System.nanoTime();
        JsonNode job = awaitJob(client, startJob(client));
        double seconds = (System.nanoTime() - started) / 1e9;
        Duration own = Duration.between(
                OffsetDateTime.parse(job.get("started_at").asText()),
                OffsetDateTime.parse(job.get("finished_at").asText()));
        Progress.say("  no-op run %d: %s s, the job itself %d ms", round, Report.number(seconds), own.toMillis());
        rows.add(List.of(
                "Fleet migration with nothing to do, run " + round,
                Integer.toString(schemas),
                Report.number(seconds),
                "",
                "",
                "",
                job.get("total").asInt() + " to migrate; the job itself " + own.toMillis() + " ms"));
        if (round == 1) {
            run.report.goal(
                    "no-op fleet migration at " + schemas + " tenants, seconds",
                    seconds,
                    "< " + NO_OP_GOAL_SECONDS,
                    seconds < NO_OP_GOAL_SECONDS,
                    "from the POST to the job's end");
        }
    }

    private String startJob(Fixture client) throws Exception {
        HttpResponse<String> started = client.send("POST", "/admin/migrations", platformToken, "{}");
        if (started.statusCode() != 202) {
            throw new IllegalStateException("The fleet migration did not start: " + started.body());
        }
        return json.readTree(started.body()).get("id").asText();
    }

    private JsonNode awaitJob(Fixture client, String id) throws Exception {
        long deadline = System.nanoTime() + JOB_PATIENCE.toNanos();
        long nextSay = 0;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> polled = client.send("GET", "/admin/jobs/" + id, platformToken, null);
            JsonNode job = json.readTree(polled.body());
            if (!"running".equals(job.get("status").asText())) {
                return job;
            }
            if (System.nanoTime() > nextSay) {
                Progress.say(
                        "  job %s: %d done, %d remaining",
                        id, job.get("done").asInt(), job.get("remaining").asInt());
                nextSay = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Job " + id + " did not end within " + JOB_PATIENCE);
    }

    /** Puts a sample back on the version before and times Flyway migrating it one schema after the other. */
    private void sequentialFlyway(String column, String version) throws Exception {
        List<String> schemas = sampleSchemas(run.options.fleetBaseline());
        rewind(schemas, column, version);
        double seconds;
        try (AgroalDataSource asOwner = run.cluster.pool(2, "SET ROLE " + OWNER_ROLE)) {
            long started = System.nanoTime();
            for (String schema : schemas) {
                flyway(asOwner, schema).migrate();
            }
            seconds = (System.nanoTime() - started) / 1e9;
        }
        double rate = schemas.size() / seconds;
        Progress.say("  Flyway in sequence: %d schemas in %s s", schemas.size(), Report.number(seconds));
        rows.add(List.of(
                "Flyway schema by schema in sequence (baseline)",
                Integer.toString(schemas.size()),
                Report.number(seconds),
                Report.number(rate),
                "",
                "",
                Report.number(MIGRATION_GOAL_SCHEMAS / rate / 60) + " min for 10,000"));
    }

    private Flyway flyway(DataSource asOwner, String schema) {
        return Flyway.configure()
                .dataSource(asOwner)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(false)
                .locations(run.tenantMigrationLocations())
                .load();
    }

    private List<String> sampleSchemas(int count) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Connection connection = run.cluster.admin();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT id FROM control.tenants WHERE status = 'active' ORDER BY id LIMIT " + count)) {
            while (rows.next()) {
                schemas.add(new TenantId(rows.getString(1)).schemaName());
            }
        }
        return schemas;
    }

    private void rewind(List<String> schemas, String column, String version) throws SQLException {
        try (Connection connection = run.cluster.admin();
                Statement statement = connection.createStatement()) {
            statement.execute("SET ROLE " + OWNER_ROLE);
            for (String schema : schemas) {
                statement.addBatch("ALTER TABLE " + Sql.quote(schema) + ".users DROP COLUMN " + column);
                statement.addBatch("DELETE FROM " + Sql.quote(schema) + ".flyway_schema_history WHERE version = '"
                        + version + "'");
            }
            statement.executeBatch();
        }
    }

    private int tenantCount() throws SQLException {
        try (Connection connection = run.cluster.admin();
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM control.tenants")) {
            count.next();
            return count.getInt(1);
        }
    }
}
