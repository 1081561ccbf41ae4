package dev.tenantbridge.fleet.provisioning;

import dev.tenantbridge.control.TenantSchemaMigrator;
import dev.tenantbridge.fleet.Errors;
import dev.tenantbridge.fleet.migration.MigrationLedger;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Keeps the migration ledger true for provisioning, on either path: the versions a new schema received are
 * recorded in one batch, and a build that failed in a known version records that version's failure and error,
 * after the versions the schema's Flyway history holds (a version already recorded as succeeded is kept).
 */
@ApplicationScoped
public class ProvisioningLedger {

    private final MigrationLedger ledger;
    private final TenantSchemaMigrator migrator;

    ProvisioningLedger(MigrationLedger ledger, TenantSchemaMigrator migrator) {
        this.ledger = ledger;
        this.migrator = migrator;
    }

    /**
     * Runs Flyway on the schema. A failure is rethrown as a {@link VersionFailure} naming the versions the schema
     * reached and the one after them, which failed.
     */
    public SchemaBuild migrateWithFlyway(String schema) {
        long started = System.nanoTime();
        MigrateResult result;
        try {
            result = migrator.apply(schema);
        } catch (RuntimeException e) {
            throw new VersionFailure(reachedAndFailed(schema, e, (System.nanoTime() - started) / 1_000_000), e);
        }
        List<MigrationLedger.Outcome> applied = new ArrayList<>();
        for (MigrateOutput migration : result.migrations) {
            applied.add(MigrationLedger.Outcome.succeeded(
                    migration.version, migration.description, migration.executionTime));
        }
        String version = applied.isEmpty()
                ? migrator.currentVersion(schema)
                : applied.get(applied.size() - 1).version();
        return new SchemaBuild(version, applied);
    }

    /** Records the versions a provisioning applied, in one batch on the caller's autocommit connection. */
    public void built(Connection connection, String tenantId, OffsetDateTime startedAt, SchemaBuild build)
            throws SQLException {
        if (!build.applied().isEmpty()) {
            ledger.record(connection, tenantId, startedAt, build.applied(), null);
        }
    }

    /** Forgets a deleted tenant's entries, so that a tenant provisioned again under its id starts afresh. */
    public void deleted(Connection connection, String tenantId) throws SQLException {
        ledger.forgetTenant(connection, tenantId);
    }

    /** Records a failed provisioning when the version it failed in is known; never throws. */
    public void failed(Connection connection, String tenantId, OffsetDateTime startedAt, Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof VersionFailure known) {
                try {
                    ledger.record(connection, tenantId, startedAt, known.outcomes(), null);
                } catch (SQLException | RuntimeException notRecorded) {
                    Log.warnf(
                            "Could not record the failed provisioning of tenant %s in the ledger: %s",
                            tenantId, Errors.summary(notRecorded));
                }
                return;
            }
        }
    }

    /** The versions the schema's history holds, with Flyway's durations, and the next known one as failed. */
    private List<MigrationLedger.Outcome> reachedAndFailed(String schema, RuntimeException e, long millis) {
        List<MigrationLedger.Outcome> outcomes = new ArrayList<>();
        MigrationVersion reached = MigrationVersion.EMPTY;
        for (MigrationInfo migration : applied(schema)) {
            if (migration.getVersion() != null
                    && migration.getState().isApplied()
                    && !migration.getState().isFailed()) {
                Integer millisTaken = migration.getExecutionTime();
                outcomes.add(new MigrationLedger.Outcome(
                        migration.getVersion().getVersion(),
                        migration.getDescription(),
                        "succeeded",
                        millisTaken == null ? null : millisTaken.longValue(),
                        null));
                reached = migration.getVersion();
            }
        }
        for (MigrationInfo migration : migrator.knownMigrations()) {
            if (migration.getVersion().compareTo(reached) > 0) {
                outcomes.add(MigrationLedger.Outcome.failed(
                        migration.getVersion().getVersion(), migration.getDescription(), millis, Errors.summary(e)));
                break;
            }
        }
        return outcomes;
    }

    private List<MigrationInfo> applied(String schema) {
        try {
            return migrator.applied(schema);
        } catch (RuntimeException e) {
            Log.warnf("Could not read the Flyway history of schema %s: %s", schema, Errors.summary(e));
            return List.of();
        }
    }
}
