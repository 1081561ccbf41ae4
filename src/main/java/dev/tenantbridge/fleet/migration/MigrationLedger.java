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

    /** What became of one tenant migration version in a tenant schema. */
    public record Outcome(String version, String description, String status, Long durationMs, String error) {

        public static Outcome succeeded(String version, String description, long durationMs) {
            return new Outcome(version, description, "succeeded", durationMs, null);
        }

        public static Outcome failed(String version, String description, Long durationMs, String error) {
            return new Outcome(version, description, "failed", durationMs, error);
        }
    }

    /** Records the migrations about to run on a tenant as running, counting a new attempt for each. */
    public void starting(Connection connection, String tenantId, List<MigrationInfo> pending, UUID jobId)
            throws SQLException {
        List<Outcome> running = pending.stream()
                .map(m -> new Outcome(m.getVersion().getVersion(), m.getDescription(), "running", null, null))
                .toList();
        record(connection, tenantId, null, running, jobId);
    }

    /**
     * Records outcomes of versions on a tenant in one batch, each counting a new attempt; an entry that succeeded is
     * kept as it is when the outcome is a success again.
     *
     * @param startedAt when the run that applied them started, or null for now
     * @param jobId the job that ran them, or null when provisioning did
     */
    public void record(
            Connection connection, String tenantId, OffsetDateTime startedAt, List<Outcome> outcomes, UUID jobId)
            throws SQLException {
        String sql = "INSERT INTO control.migration_ledger"
                + " (tenant_id, version, description, status, started_at, duration_ms, error, job_id)"
                + " VALUES (?, ?, ?, ?, coalesce(?, now()), ?, ?, ?)"
                + " ON CONFLICT (tenant_id, version) DO UPDATE SET status = EXCLUDED.status,"
                + " started_at = EXCLUDED.started_at, duration_ms = EXCLUDED.duration_ms, error = EXCLUDED.error,"
                + " attempts = migration_ledger.attempts + 1, job_id = EXCLUDED.job_id,"
                + " description = EXCLUDED.description"
                + " WHERE migration_ledger.status <> 'succeeded' OR EXCLUDED.status <> 'succeeded'";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Outcome outcome : outcomes) {
                statement.setString(1, tenantId);
                statement.setString(2, outcome.version());
                statement.setString(3, outcome.description());
                statement.setString(4, outcome.status());
                statement.setObject(5, startedAt);
                statement.setObject(6, outcome.durationMs());
                statement.setString(7, outcome.error());
                statement.setObject(8, jobId);
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
        forget(connection, tenantId, "DELETE FROM control.migration_ledger WHERE tenant_id = ? AND status = 'running'");
    }

    /** Removes every entry of a tenant whose schema is gone. */
    public void forgetTenant(Connection connection, String tenantId) throws SQLException {
        forget(connection, tenantId, "DELETE FROM control.migration_ledger WHERE tenant_id = ?");
    }

    private static void forget(Connection connection, String tenantId, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
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
