package dev.tenantbridge.fleet.provisioning;

import dev.tenantbridge.common.Sql;
import dev.tenantbridge.control.OwnerRole;
import dev.tenantbridge.control.TenantSchemaGrants;
import dev.tenantbridge.fleet.Errors;
import dev.tenantbridge.fleet.FleetConfig;
import dev.tenantbridge.fleet.migration.MigrationLedger;
import dev.tenantbridge.tenancy.TenantId;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a new tenant schema in one transaction without running Flyway: the cached migration scripts are replayed
 * and Flyway's history table and rows are written as Flyway wrote them in the template schema, so Flyway later
 * finds exactly its own history (same table, ranks, versions, scripts, checksums and installer). It applies only
 * to an empty schema; anything else (a retry after a half-built Flyway run, a plan that cannot be replayed) is
 * left to Flyway by answering empty.
 */
@ApplicationScoped
public class FastProvisioning {

    private static final String SCHEMA_TOKEN = "@@schema@@";

    private final TemplateSchema template;
    private final OwnerRole owner;
    private volatile boolean enabled;
    private volatile Optional<ReplayPlan> plan;

    FastProvisioning(TemplateSchema template, OwnerRole owner, FleetConfig config) {
        this.template = template;
        this.owner = owner;
        this.enabled = config.provisioning().fastPath();
    }

    /** Switches the fast path on or off at run time; benchmarks use it to measure both paths in one process. */
    public void enable(boolean on) {
        this.enabled = on;
    }

    /**
     * Builds the tenant's schema (which the login role has just created, empty) on the login role's autocommit
     * connection. Returns the versions it applied, or empty when the caller must run Flyway instead. A migration that
     * fails rolls the whole build back and is thrown as a {@link VersionFailure} naming that version.
     */
    public Optional<SchemaBuild> build(Connection connection, TenantId id) throws SQLException {
        Optional<ReplayPlan> replay = enabled ? plan() : Optional.empty();
        if (replay.isEmpty() || !isEmpty(connection, id.schemaName())) {
            return Optional.empty();
        }
        connection.setAutoCommit(false);
        try {
            List<MigrationLedger.Outcome> applied = replay(connection, id, replay.get());
            connection.commit();
            return Optional.of(new SchemaBuild(replay.get().version(), applied));
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private Optional<ReplayPlan> plan() throws SQLException {
        Optional<ReplayPlan> current = plan;
        if (current == null) {
            synchronized (this) {
                if (plan == null) {
                    plan = template.plan();
                }
                current = plan;
            }
        }
        return current;
    }

    private List<MigrationLedger.Outcome> replay(Connection connection, TenantId id, ReplayPlan replay)
            throws SQLException {
        List<MigrationLedger.Outcome> applied = new ArrayList<>();
        String schema = Sql.quote(id.schemaName());
        try (PreparedStatement enter =
                connection.prepareStatement("SELECT set_config('role', ?, true), set_config('search_path', ?, true)")) {
            enter.setString(1, owner.name());
            enter.setString(2, schema);
            enter.execute();
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : TenantSchemaGrants.beforeMigrations(id)) {
                statement.execute(sql);
            }
            for (String sql : replay.historyTable()) {
                statement.execute(sql.replace(SCHEMA_TOKEN, schema));
            }
            for (ReplayPlan.Step step : replay.migrations()) {
                applied.add(apply(connection, statement, id, step));
            }
            for (String sql : TenantSchemaGrants.afterMigrations(connection, id)) {
                statement.execute(sql);
            }
        }
        Log.debugf("Tenant %s built from the replay plan of version %s", id, replay.version());
        return applied;
    }

    private MigrationLedger.Outcome apply(Connection connection, Statement statement, TenantId id, ReplayPlan.Step step)
            throws SQLException {
        long started = System.nanoTime();
        try {
            statement.execute(step.sql().replace(ReplayPlan.SCHEMA_PLACEHOLDER, id.schemaName()));
        } catch (SQLException e) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            throw new VersionFailure(
                    List.of(MigrationLedger.Outcome.failed(
                            step.version(), step.description(), millis, Errors.summary(e))),
                    e);
        }
        int millis = (int) ((System.nanoTime() - started) / 1_000_000);
        record(connection, Sql.quote(id.schemaName()), step, millis);
        return MigrationLedger.Outcome.succeeded(step.version(), step.description(), millis);
    }

    private static void record(Connection connection, String schema, ReplayPlan.Step step, int millis)
            throws SQLException {
        String sql = "INSERT INTO " + schema + ".flyway_schema_history (installed_rank, version, description, type,"
                + " script, checksum, installed_by, execution_time, success) VALUES (?, ?, ?, ?, ?, ?, ?, ?, true)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setInt(1, step.installedRank());
            insert.setString(2, step.version());
            insert.setString(3, step.description());
            insert.setString(4, step.type());
            insert.setString(5, step.script());
            insert.setObject(6, step.checksum(), java.sql.Types.INTEGER);
            insert.setString(7, step.installedBy());
            insert.setInt(8, millis);
            insert.executeUpdate();
        }
    }

    /**
     * True when the schema holds no relation yet, so nothing of an earlier attempt is in the way. Asked through
     * {@code pg_depend}'s index (every relation but an index, which comes with its table, depends on its schema):
     * a filter on {@code pg_class.relnamespace} scans the whole catalog, tens of milliseconds with thousands of
     * tenant schemas.
     */
    private static boolean isEmpty(Connection connection, String schemaName) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM pg_depend"
                + " WHERE refclassid = 'pg_namespace'::regclass AND refobjid = ?::regnamespace"
                + " AND classid = 'pg_class'::regclass)")) {
            statement.setString(1, Sql.quote(schemaName));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    /** Makes sure the template schema of the latest version exists, and returns its name. */
    public String ensureTemplate() throws SQLException {
        plan();
        return template.name();
    }

    /**
     * The version new tenants are built on by replay, or empty when the fast path is off or has no plan (the
     * template's scripts could not all be read), so that provisioning runs Flyway instead.
     */
    public Optional<String> replayVersion() throws SQLException {
        return enabled ? plan().map(ReplayPlan::version) : Optional.empty();
    }

    /** The template schema's name, for checks that compare a replayed schema with Flyway's own. */
    public String templateSchema() {
        return template.name();
    }
}
