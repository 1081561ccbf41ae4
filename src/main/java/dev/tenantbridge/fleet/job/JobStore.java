package dev.tenantbridge.fleet.job;

import dev.tenantbridge.catalog.CatalogException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps long operations over many tenants in the control schema ({@code jobs} and {@code job_tenants}), so that a
 * job survives the replica that started it: whoever holds the job's advisory lock works on it, and a job marked
 * running whose lock is free has lost its replica and may be continued.
 */
@ApplicationScoped
public class JobStore {

    /** First key of the job advisory locks; the second is derived from the job id. */
    private static final int JOB_LOCK_SPACE = 0x54_42_02;

    private static final int FAILURES_SHOWN = 20;

    private final AgroalDataSource pool;

    JobStore(AgroalDataSource pool) {
        this.pool = pool;
    }

    /** One tenant of a new job. */
    public record Entry(String tenantId, boolean canary) {}

    /** One tenant a job still has to handle. */
    public record Pending(String tenantId, boolean canary) {}

    /** Records a new running job with its tenants, in one transaction. */
    public UUID create(String kind, String targetVersion, JobRunner.Settings settings, List<Entry> tenants) {
        UUID id = UUID.randomUUID();
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                insertJob(connection, id, kind, targetVersion, settings);
                insertTenants(connection, id, tenants);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            return id;
        } catch (SQLException e) {
            throw new CatalogException("Could not record a new " + kind + " job", e);
        }
    }

    private static void insertJob(
            Connection connection, UUID id, String kind, String version, JobRunner.Settings settings)
            throws SQLException {
        String sql = "INSERT INTO control.jobs (id, kind, status, target_version, parallelism, failure_threshold)"
                + " VALUES (?, ?, 'running', ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            statement.setString(2, kind);
            statement.setString(3, version);
            statement.setInt(4, settings.parallelism());
            statement.setInt(5, settings.failureThreshold());
            statement.executeUpdate();
        }
    }

    private static void insertTenants(Connection connection, UUID id, List<Entry> tenants) throws SQLException {
        String sql = "INSERT INTO control.job_tenants (job_id, tenant_id, position, canary) VALUES (?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int position = 0;
            for (Entry tenant : tenants) {
                statement.setObject(1, id);
                statement.setString(2, tenant.tenantId());
                statement.setInt(3, position++);
                statement.setBoolean(4, tenant.canary());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** The tenants the job has not handled yet, canaries first, then in the order they were planned. */
    public List<Pending> pending(UUID jobId) {
        String sql = "SELECT tenant_id, canary FROM control.job_tenants WHERE job_id = ? AND status = 'pending'"
                + " ORDER BY canary DESC, position";
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, jobId);
            List<Pending> pending = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    pending.add(new Pending(rows.getString(1), rows.getBoolean(2)));
                }
            }
            return pending;
        } catch (SQLException e) {
            throw new CatalogException("Could not read the tenants of job " + jobId, e);
        }
    }

    /** Records how one tenant of the job came out: succeeded, failed or skipped. */
    public void finishTenant(UUID jobId, String tenantId, String status, String error) {
        String sql = "UPDATE control.job_tenants SET status = ?, error = ?, finished_at = now()"
                + " WHERE job_id = ? AND tenant_id = ?";
        update(sql, status, error, jobId, tenantId);
    }

    /** Records that the job has ended, with its final status. */
    public void finish(UUID jobId, String status, String error) {
        String sql = "UPDATE control.jobs SET status = ?, error = ?, finished_at = now() WHERE id = ?";
        update(sql, status, error, jobId, null);
    }

    private void update(String sql, String status, String error, UUID jobId, String tenantId) {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, status);
            statement.setString(2, error);
            statement.setObject(3, jobId);
            if (tenantId != null) {
                statement.setString(4, tenantId);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new CatalogException("Could not record the progress of job " + jobId, e);
        }
    }

    /** A job marked running and the failure threshold it was started with. */
    public record Running(UUID id, int failureThreshold) {}

    /** Jobs of a kind marked running; some may be in the hands of a live replica. */
    public List<Running> running(String kind) {
        String sql = "SELECT id, coalesce(failure_threshold, 0) FROM control.jobs WHERE status = 'running' AND kind = ?"
                + " ORDER BY created_at";
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, kind);
            List<Running> jobs = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    jobs.add(new Running(rows.getObject(1, UUID.class), rows.getInt(2)));
                }
            }
            return jobs;
        } catch (SQLException e) {
            throw new CatalogException("Could not list running jobs", e);
        }
    }

    /**
     * Tries to take the job's lock on the given connection, which the caller keeps open while it works on the job.
     * False when another live replica holds it.
     */
    public boolean tryClaim(Connection connection, UUID jobId) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?::text))")) {
            statement.setInt(1, JOB_LOCK_SPACE);
            statement.setObject(2, jobId.toString());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    public Optional<JobView> find(UUID id) {
        try (Connection connection = pool.getConnection()) {
            return view(connection, id);
        } catch (SQLException e) {
            throw new CatalogException("Could not read job " + id, e);
        }
    }

    /** The most recent jobs, newest first. */
    public List<JobView> recent(int limit) {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT id FROM control.jobs ORDER BY created_at DESC LIMIT ?")) {
            statement.setInt(1, limit);
            List<JobView> jobs = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    view(connection, rows.getObject(1, UUID.class)).ifPresent(jobs::add);
                }
            }
            return jobs;
        } catch (SQLException e) {
            throw new CatalogException("Could not list jobs", e);
        }
    }

    private Optional<JobView> view(Connection connection, UUID id) throws SQLException {
        String sql = "SELECT j.kind, j.status, j.target_version, j.parallelism, j.started_at, j.finished_at, j.error,"
                + " count(t.tenant_id), count(*) FILTER (WHERE t.status = 'succeeded'),"
                + " count(*) FILTER (WHERE t.status = 'skipped'), count(*) FILTER (WHERE t.status = 'failed'),"
                + " coalesce(j.finished_at, now()) FROM control.jobs j"
                + " LEFT JOIN control.job_tenants t ON t.job_id = j.id WHERE j.id = ? GROUP BY j.id";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(read(connection, id, row)) : Optional.empty();
            }
        }
    }

    private JobView read(Connection connection, UUID id, ResultSet row) throws SQLException {
        int total = row.getInt(8);
        int succeeded = row.getInt(9);
        int skipped = row.getInt(10);
        int failed = row.getInt(11);
        int finished = succeeded + skipped + failed;
        int remaining = total - finished;
        OffsetDateTime started = row.getObject(5, OffsetDateTime.class);
        OffsetDateTime end = row.getObject(12, OffsetDateTime.class);
        double seconds = Math.max(0.001, Duration.between(started, end).toMillis() / 1000.0);
        double rate = finished / seconds;
        String status = row.getString(2);
        Long eta = "running".equals(status) && rate > 0 ? Math.round(remaining / rate) : null;
        return new JobView(
                id,
                row.getString(1),
                status,
                row.getString(3),
                row.getObject(4, Integer.class),
                total,
                succeeded + skipped,
                skipped,
                failed,
                remaining,
                Math.round(rate * 10) / 10.0,
                eta,
                started,
                row.getObject(6, OffsetDateTime.class),
                row.getString(7),
                failures(connection, id));
    }

    private static List<JobView.TenantFailure> failures(Connection connection, UUID id) throws SQLException {
        String sql = "SELECT tenant_id, error FROM control.job_tenants WHERE job_id = ? AND status = 'failed'"
                + " ORDER BY finished_at LIMIT " + FAILURES_SHOWN;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            List<JobView.TenantFailure> failures = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    failures.add(new JobView.TenantFailure(rows.getString(1), rows.getString(2)));
                }
            }
            return failures;
        }
    }
}
