package dev.tenantbridge.fleet.migration;

import dev.tenantbridge.catalog.TenantCatalog;
import dev.tenantbridge.catalog.TenantRecord;
import dev.tenantbridge.control.SchemaLock;
import dev.tenantbridge.control.TenantSchemaMigrator;
import dev.tenantbridge.fleet.Errors;
import dev.tenantbridge.tenancy.TenantDirectory;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates one tenant schema to the latest version under the schema's advisory lock, and keeps the ledger and the
 * catalog's {@code schema_version} true whatever happens: on failure the tenant is marked {@code failed} with the
 * error, and its version is the one its Flyway history reached.
 */
@ApplicationScoped
public class TenantMigration {

    /** Connections one tenant's migration holds at most: the lock and ledger connection, and Flyway's. */
    public static final int CONNECTIONS = 3;

    private final AgroalDataSource pool;
    private final TenantCatalog catalog;
    private final TenantSchemaMigrator migrator;
    private final MigrationLedger ledger;
    private final TenantVersions versions;
    private final TenantDirectory directory;
    private final MeterRegistry meters;

    TenantMigration(
            AgroalDataSource pool,
            TenantCatalog catalog,
            TenantSchemaMigrator migrator,
            MigrationLedger ledger,
            TenantVersions versions,
            TenantDirectory directory,
            MeterRegistry meters) {
        this.pool = pool;
        this.catalog = catalog;
        this.migrator = migrator;
        this.ledger = ledger;
        this.versions = versions;
        this.directory = directory;
        this.meters = meters;
    }

    /** Migrates the tenant if it is behind; returns false when it was already on the latest version. */
    public boolean migrate(String tenantId, UUID jobId) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            String schema = require(connection, tenantId).schemaName();
            SchemaLock.lock(connection, schema);
            try {
                TenantRecord tenant = require(connection, tenantId);
                List<MigrationInfo> pending = pendingFor(tenant.schemaVersion());
                if (pending.isEmpty()) {
                    return false;
                }
                ledger.starting(connection, tenantId, pending, jobId);
                apply(connection, tenant, pending);
                return true;
            } finally {
                SchemaLock.unlock(connection, schema);
            }
        }
    }

    private TenantRecord require(Connection connection, String tenantId) throws SQLException {
        return catalog.find(connection, tenantId, false)
                .orElseThrow(() -> new IllegalStateException("Tenant " + tenantId + " is no longer in the catalog"));
    }

    private List<MigrationInfo> pendingFor(String version) {
        MigrationVersion current = version == null ? MigrationVersion.EMPTY : MigrationVersion.fromVersion(version);
        return migrator.knownMigrations().stream()
                .filter(m -> m.getVersion().compareTo(current) > 0)
                .toList();
    }

    private void apply(Connection connection, TenantRecord tenant, List<MigrationInfo> pending) throws SQLException {
        long started = System.nanoTime();
        MigrateResult result;
        try {
            result = migrator.apply(tenant.schemaName());
        } catch (RuntimeException e) {
            recordFailure(connection, tenant, pending, e, (System.nanoTime() - started) / 1_000_000);
            time(started, "failed");
            throw e;
        }
        time(started, "succeeded");
        for (MigrateOutput migration : result.migrations) {
            ledger.finished(connection, tenant.id(), migration.version, (long) migration.executionTime, null);
        }
        ledger.forgetUnreached(connection, tenant.id());
        versions.migrated(connection, tenant.id(), migrator.latestVersion());
        directory.invalidate(tenant.id());
        Log.debugf(
                "Tenant %s migrated to %s in %d ms",
                tenant.id(), migrator.latestVersion(), (System.nanoTime() - started) / 1_000_000);
    }

    private void time(long startedNanos, String status) {
        meters.timer("tenant.migration", "status", status)
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    private void recordFailure(
            Connection connection, TenantRecord tenant, List<MigrationInfo> pending, RuntimeException e, long millis)
            throws SQLException {
        String error = Errors.summary(e);
        String reached = reachedVersion(tenant);
        MigrationVersion current = reached == null ? MigrationVersion.EMPTY : MigrationVersion.fromVersion(reached);
        boolean failedOne = false;
        for (MigrationInfo migration : pending) {
            if (migration.getVersion().compareTo(current) <= 0) {
                ledger.finished(connection, tenant.id(), migration.getVersion().getVersion(), null, null);
            } else if (!failedOne) {
                ledger.finished(connection, tenant.id(), migration.getVersion().getVersion(), millis, error);
                failedOne = true;
            }
        }
        ledger.forgetUnreached(connection, tenant.id());
        versions.failed(connection, tenant.id(), reached, "Migration failed: " + error);
        directory.invalidate(tenant.id());
    }

    /** The version the schema's own history reached, or null when even that cannot be read. */
    private String reachedVersion(TenantRecord tenant) {
        try {
            return migrator.currentVersion(tenant.schemaName());
        } catch (RuntimeException e) {
            Log.warnf("Could not read the Flyway history of tenant %s: %s", tenant.id(), Errors.summary(e));
            return null;
        }
    }
}
