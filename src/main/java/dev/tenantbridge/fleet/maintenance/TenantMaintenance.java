package dev.tenantbridge.fleet.maintenance;

import dev.tenantbridge.catalog.CatalogException;
import dev.tenantbridge.catalog.TenantCatalog;
import dev.tenantbridge.catalog.TenantRecord;
import dev.tenantbridge.common.ProblemException;
import dev.tenantbridge.common.Sql;
import dev.tenantbridge.control.OwnerRole;
import dev.tenantbridge.fleet.Errors;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Maintains one tenant schema as the owner role: {@code ANALYZE} (or {@code VACUUM (ANALYZE)}) of its tables, then
 * a refresh of its {@code sales_summary} materialized view when the schema has one. Each operation is recorded in
 * {@code control.maintenance_runs}, failed ones with their error, and timed in {@code tenant.maintenance}.
 */
@ApplicationScoped
public class TenantMaintenance {

    private static final String SALES_SUMMARY = "sales_summary";

    private final AgroalDataSource pool;
    private final TenantCatalog catalog;
    private final OwnerRole owner;
    private final MeterRegistry meters;

    TenantMaintenance(AgroalDataSource pool, TenantCatalog catalog, OwnerRole owner, MeterRegistry meters) {
        this.pool = pool;
        this.catalog = catalog;
        this.owner = owner;
        this.meters = meters;
    }

    /** Maintains the tenant's schema now and returns the recorded runs. */
    public List<MaintenanceRun> maintain(String tenantId, boolean vacuum) {
        TenantRecord tenant = catalog.find(tenantId).orElseThrow(() -> ProblemException.notFound("Tenant " + tenantId));
        if (tenant.schemaVersion() == null) {
            throw ProblemException.conflict(
                    "tenant-not-built", "Tenant " + tenantId + " has no complete schema to maintain yet");
        }
        try (Connection asOwner = owner.connect(tenant.schemaName())) {
            String schema = Sql.quote(tenant.schemaName());
            List<MaintenanceRun> runs = new ArrayList<>();
            List<String> tables = relations(asOwner, tenant.schemaName(), "r");
            String verb = vacuum ? "VACUUM (ANALYZE) " : "ANALYZE ";
            String tableList =
                    String.join(", ", tables.stream().map(t -> schema + "." + t).toList());
            runs.add(run(asOwner, tenant, vacuum ? "vacuum analyze" : "analyze", verb + tableList, tables + ""));
            if (relations(asOwner, tenant.schemaName(), "m").contains(SALES_SUMMARY)) {
                String refresh = "REFRESH MATERIALIZED VIEW " + schema + "." + Sql.quote(SALES_SUMMARY);
                runs.add(run(asOwner, tenant, "refresh " + SALES_SUMMARY, refresh, SALES_SUMMARY));
            }
            return runs;
        } catch (SQLException e) {
            throw new CatalogException("Could not maintain tenant " + tenantId, e);
        }
    }

    private MaintenanceRun run(Connection asOwner, TenantRecord tenant, String operation, String sql, String covers)
            throws SQLException {
        OffsetDateTime started = OffsetDateTime.now();
        long clock = System.nanoTime();
        String status = "succeeded";
        String detail = covers;
        try (Statement statement = asOwner.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            status = "failed";
            detail = Errors.summary(e);
            Log.warnf("Maintenance %s of tenant %s failed: %s", operation, tenant.id(), detail);
        }
        long millis = (System.nanoTime() - clock) / 1_000_000;
        meters.timer("tenant.maintenance", "operation", operation, "status", status)
                .record(millis, TimeUnit.MILLISECONDS);
        MaintenanceRun run = new MaintenanceRun(tenant.id(), operation, status, started, millis, detail);
        record(run);
        Log.debugf("Maintenance %s of tenant %s %s in %d ms", operation, tenant.id(), status, millis);
        return run;
    }

    private static List<String> relations(Connection connection, String schema, String kind) throws SQLException {
        String sql = "SELECT relname FROM pg_class WHERE relnamespace = ?::regnamespace AND relkind = ?::\"char\""
                + " ORDER BY relname";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, Sql.quote(schema));
            statement.setString(2, kind);
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        }
    }

    private void record(MaintenanceRun run) throws SQLException {
        String sql = "INSERT INTO control.maintenance_runs (tenant_id, operation, status, started_at, duration_ms,"
                + " detail) VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, run.tenantId());
            statement.setString(2, run.operation());
            statement.setString(3, run.status());
            statement.setObject(4, run.startedAt());
            statement.setLong(5, run.durationMs());
            statement.setString(6, run.detail());
            statement.executeUpdate();
        }
    }

    /** The tenant's most recent runs, newest first. */
    public List<MaintenanceRun> recent(String tenantId, int limit) {
        String sql =
                "SELECT tenant_id, operation, status, started_at, duration_ms, detail FROM control.maintenance_runs"
                        + " WHERE tenant_id = ? ORDER BY started_at DESC, id DESC LIMIT ?";
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenantId);
            statement.setInt(2, limit);
            List<MaintenanceRun> runs = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    runs.add(new MaintenanceRun(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getObject(4, OffsetDateTime.class),
                            rows.getLong(5),
                            rows.getString(6)));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw new CatalogException("Could not read the maintenance runs of tenant " + tenantId, e);
        }
    }
}
