package dev.tenantbridge.fleet.migration;

import dev.tenantbridge.catalog.CatalogException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The migration ledger in the control schema: for each tenant and tenant migration version its status, start,
 * duration and error. A migration about to run is recorded as {@code running} first, so a crash leaves a trace.
 * Methods taking a {@link Connection} use the caller's (autocommit) connection.
 */
@ApplicationScoped
public class MigrationLedger {

    private final AgroalDataSource pool;

    MigrationLedger(AgroalDataSource pool) {
        this.pool = pool;
    }

    /** Records the migrations about to run on a tenant as running, counting a new attempt for each. */
    public void starting(Connection connection, String tenantId, List<MigrationInfo> pending, UUID jobId)
            throws SQLException {
        String sql = "INSERT INTO control.migration_ledger"
                + " (tenant_id, version, description, status, started_at, job_id) VALUES (?, ?, ?, 'running', now(), ?)"
                + " ON CONFLICT (tenant_id, version) DO UPDATE SET status = 'running', started_at = now(),"
                + " duration_ms = NULL, error = NULL, attempts = migration_ledger.attempts + 1, job_id = ?,"
                + " description = EXCLUDED.description";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (MigrationInfo migration : pending) {
                statement.setString(1, tenantId);
                statement.setString(2, migration.getVersion().getVersion());
                statement.setString(3, migration.getDescription());
                statement.setObject(4, jobId);
                statement.setObject(5, jobId);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Records the outcome of one version on a tenant. */
    public void finished(Connection connection, String tenantId, String version, Long durationMs, String error)
            throws SQLException {
        String sql = "UPDATE control.migration_ledger SET status = ?, duration_ms = ?, error = ?"
                + " WHERE tenant_id = ? AND version = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, error == null ? "succeeded" : "failed");
            statement.setObject(2, durationMs);
            statement.setString(3, error);
            statement.setString(4, tenantId);
            statement.setString(5, version);
            statement.executeUpdate();
        }
    }

    /** Removes the entries of versions that were planned but never reached because an earlier one failed. */
    public void forgetUnreached(Connection connection, String tenantId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM control.migration_ledger WHERE tenant_id = ? AND status = 'running'")) {
            statement.setString(1, tenantId);
            statement.executeUpdate();
        }
    }

    /** A tenant's entries, oldest version first. */
    public List<LedgerEntry> entries(String tenantId) {
        String sql = "SELECT tenant_id, version, description, status, started_at, duration_ms, error, attempts, job_id"
                + " FROM control.migration_ledger WHERE tenant_id = ? ORDER BY started_at, version";
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenantId);
            List<LedgerEntry> entries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(new LedgerEntry(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getObject(5, OffsetDateTime.class),
                            rows.getObject(6, Long.class),
                            rows.getString(7),
                            rows.getInt(8),
                            rows.getObject(9, UUID.class)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new CatalogException("Could not read the migration ledger of tenant " + tenantId, e);
        }
    }
}
