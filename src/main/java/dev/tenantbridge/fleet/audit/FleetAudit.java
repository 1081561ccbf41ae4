package dev.tenantbridge.fleet.audit;

import dev.tenantbridge.catalog.CatalogException;
import dev.tenantbridge.catalog.TenantCatalog;
import dev.tenantbridge.catalog.TenantRecord;
import dev.tenantbridge.common.Problem;
import dev.tenantbridge.common.ProblemException;
import dev.tenantbridge.control.OwnerRole;
import dev.tenantbridge.control.TenantSchemaMigrator;
import dev.tenantbridge.fleet.FleetBudget;
import dev.tenantbridge.fleet.FleetConfig;
import dev.tenantbridge.fleet.TenantSelection;
import dev.tenantbridge.fleet.job.JobRunner;
import dev.tenantbridge.fleet.job.JobStore;
import dev.tenantbridge.fleet.job.JobView;
import dev.tenantbridge.fleet.migration.TenantVersions;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Audits tenant schemas as a job: each schema's shape against the expected shape of the version the catalog says
 * it is on ({@link ExpectedShapes}; drift: tables, columns, constraints, indexes, triggers, functions), and its
 * privileges ({@link PrivilegeCheck}). Findings are stored per tenant and counted in the
 * {@code tenant.audit.findings} metric by category.
 */
@ApplicationScoped
public class FleetAudit {

    static final String KIND = "audit";
    private static final int CONNECTIONS = 1;

    private final AgroalDataSource pool;
    private final TenantCatalog catalog;
    private final TenantVersions versions;
    private final TenantSchemaMigrator migrator;
    private final ExpectedShapes shapes;
    private final OwnerRole owner;
    private final JobStore jobs;
    private final JobRunner runner;
    private final FleetBudget budget;
    private final MeterRegistry meters;
    private final FleetConfig config;

    FleetAudit(
            AgroalDataSource pool,
            TenantCatalog catalog,
            TenantVersions versions,
            TenantSchemaMigrator migrator,
            ExpectedShapes shapes,
            OwnerRole owner,
            JobStore jobs,
            JobRunner runner,
            FleetBudget budget,
            MeterRegistry meters,
            FleetConfig config) {
        this.pool = pool;
        this.catalog = catalog;
        this.versions = versions;
        this.migrator = migrator;
        this.shapes = shapes;
        this.owner = owner;
        this.jobs = jobs;
        this.runner = runner;
        this.budget = budget;
        this.meters = meters;
        this.config = config;
    }

    /** Starts auditing the named tenants, or every built tenant when {@code tenants} is null. */
    public JobView start(List<String> tenants) {
        validate(tenants);
        List<JobStore.Entry> entries = versions.built(tenants).stream()
                .map(id -> new JobStore.Entry(id, false))
                .toList();
        JobRunner.Settings settings = new JobRunner.Settings(
                budget.parallelism(config.migration().parallelism(), CONNECTIONS),
                Integer.MAX_VALUE,
                config.migration().progressLogInterval(),
                Duration.ZERO);
        UUID id = jobs.create(KIND, migrator.latestVersion(), settings, entries);
        runner.start(id, settings, tenant -> audit(id, tenant));
        return jobs.find(id).orElseThrow();
    }

    @Scheduled(every = "${tenant-bridge.fleet.audit.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        JobView job = start(null);
        Log.infof("Scheduled audit %s started over %d tenants", job.id(), job.total());
    }

    private void validate(List<String> tenants) {
        List<Problem.Violation> violations = new ArrayList<>();
        TenantSelection.check("tenants", tenants, versions::unknown, violations);
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid input", "Invalid audit request", violations);
        }
    }

    private boolean audit(UUID auditId, String tenantId) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            TenantRecord tenant = catalog.find(connection, tenantId, false).orElse(null);
            if (tenant == null) {
                return false;
            }
            List<Finding> findings = new ArrayList<>(drift(connection, tenant));
            findings.addAll(PrivilegeCheck.check(connection, tenant.schemaName(), tenant.roleName(), owner.name()));
            store(connection, auditId, tenantId, findings);
            return true;
        }
    }

    private List<Finding> drift(Connection connection, TenantRecord tenant) throws SQLException {
        Optional<Set<String>> shape = shapes.of(tenant.schemaVersion());
        if (shape.isEmpty()) {
            return List.of(new Finding(
                    "version", "schema is on version " + tenant.schemaVersion() + ", which this build does not know"));
        }
        Set<String> expected = shape.get();
        Set<String> actual = SchemaShape.of(connection, tenant.schemaName());
        List<Finding> findings = new ArrayList<>();
        for (String line : new TreeSet<>(expected)) {
            if (!actual.contains(line)) {
                findings.add(new Finding("drift", "missing " + line));
            }
        }
        for (String line : actual) {
            if (!expected.contains(line)) {
                findings.add(new Finding("drift", "unexpected " + line));
            }
        }
        return findings;
    }

    private void store(Connection connection, UUID auditId, String tenantId, List<Finding> findings)
            throws SQLException {
        String sql = "INSERT INTO control.audit_findings (audit_id, tenant_id, category, detail) VALUES (?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Finding finding : findings) {
                statement.setObject(1, auditId);
                statement.setString(2, tenantId);
                statement.setString(3, finding.category());
                statement.setString(4, finding.detail());
                statement.addBatch();
                meters.counter("tenant.audit.findings", "category", finding.category())
                        .increment();
            }
            statement.executeBatch();
        }
        if (!findings.isEmpty()) {
            Log.warnf("Audit %s: tenant %s has %d findings", auditId, tenantId, findings.size());
        }
    }

    /** The audit's findings so far, per tenant. */
    public AuditReport report(UUID auditId) {
        JobView job = jobs.find(auditId)
                .filter(j -> KIND.equals(j.kind()))
                .orElseThrow(() -> ProblemException.notFound("Audit " + auditId));
        Map<String, List<Finding>> byTenant = new LinkedHashMap<>();
        String sql = "SELECT tenant_id, category, detail FROM control.audit_findings WHERE audit_id = ?"
                + " ORDER BY tenant_id, category, detail";
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, auditId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    byTenant.computeIfAbsent(rows.getString(1), t -> new ArrayList<>())
                            .add(new Finding(rows.getString(2), rows.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new CatalogException("Could not read audit " + auditId, e);
        }
        List<AuditReport.TenantFindings> tenants = byTenant.entrySet().stream()
                .map(e -> new AuditReport.TenantFindings(e.getKey(), e.getValue()))
                .toList();
        int total = tenants.stream().mapToInt(t -> t.findings().size()).sum();
        return new AuditReport(auditId, job.status(), job.done() + job.failed(), total, tenants);
    }
}
