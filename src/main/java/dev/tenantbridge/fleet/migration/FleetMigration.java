package dev.tenantbridge.fleet.migration;

import dev.tenantbridge.common.Problem;
import dev.tenantbridge.common.ProblemException;
import dev.tenantbridge.control.TenantSchemaMigrator;
import dev.tenantbridge.fleet.FleetBudget;
import dev.tenantbridge.fleet.FleetConfig;
import dev.tenantbridge.fleet.TenantSelection;
import dev.tenantbridge.fleet.job.JobRunner;
import dev.tenantbridge.fleet.job.JobStore;
import dev.tenantbridge.fleet.job.JobView;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Migrates the fleet of tenant schemas as a job. One catalog query finds the tenants not on the latest version;
 * only those become the job's tenants, so a run with nothing to do touches no schema. A job interrupted by a
 * restart is continued by the next replica that finds its lock free.
 */
@ApplicationScoped
public class FleetMigration {

    static final String KIND = "migration";

    /**
     * What to migrate.
     *
     * @param tenants the tenant ids to migrate, or null for the whole fleet
     * @param canaries tenant ids to migrate first, or null for the configured ones
     * @param failureThreshold how many failed tenants the run tolerates, or null for the configured number
     */
    public record Request(List<String> tenants, List<String> canaries, Integer failureThreshold) {}

    private final TenantSchemaMigrator migrator;
    private final TenantVersions versions;
    private final TenantMigration migration;
    private final JobStore jobs;
    private final JobRunner runner;
    private final FleetBudget budget;
    private final FleetConfig.Migration config;

    FleetMigration(
            TenantSchemaMigrator migrator,
            TenantVersions versions,
            TenantMigration migration,
            JobStore jobs,
            JobRunner runner,
            FleetBudget budget,
            FleetConfig config) {
        this.migrator = migrator;
        this.versions = versions;
        this.migration = migration;
        this.jobs = jobs;
        this.runner = runner;
        this.budget = budget;
        this.config = config.migration();
    }

    void onStart(@Observes StartupEvent event) {
        for (JobStore.Running job : jobs.running(KIND)) {
            runner.start(job.id(), settings(job.failureThreshold()), work(job.id()));
        }
        if (config.migrateAtStart()) {
            JobView job = start(new Request(null, null, null));
            Log.infof("Migration at start: job %s with %d tenants behind", job.id(), job.total());
        }
    }

    /** Plans the job and runs it in the background; returns the job as it stands. */
    public JobView start(Request request) {
        JobRunner.Settings settings = settings(request.failureThreshold());
        UUID id = plan(request, settings);
        runner.start(id, settings, work(id));
        return jobs.find(id).orElseThrow();
    }

    /** Validates the request and records the job with the tenants behind, canaries first; runs nothing. */
    public UUID plan(Request request, JobRunner.Settings settings) {
        validate(request);
        String latest = migrator.latestVersion();
        Set<String> canaries = new HashSet<>(
                request.canaries() != null
                        ? request.canaries()
                        : config.canaries().orElse(List.of()));
        List<JobStore.Entry> entries = new ArrayList<>();
        for (TenantVersions.Behind tenant : versions.notOn(latest, request.tenants())) {
            entries.add(new JobStore.Entry(tenant.tenantId(), canaries.contains(tenant.tenantId())));
        }
        UUID id = jobs.create(KIND, latest, settings, entries);
        Log.infof("Migration job %s planned: %d tenants not on version %s", id, entries.size(), latest);
        return id;
    }

    /** The settings a job runs with: parallelism within the pool budget, and the failure threshold. */
    public JobRunner.Settings settings(Integer failureThreshold) {
        return new JobRunner.Settings(
                budget.parallelism(config.parallelism(), TenantMigration.CONNECTIONS),
                failureThreshold != null ? failureThreshold : config.failureThreshold(),
                config.progressLogInterval(),
                Duration.ZERO);
    }

    /** Continues, on this thread, every migration job left running by a replica that is gone. */
    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void resumeInterrupted() {
        for (JobStore.Running job : jobs.running(KIND)) {
            runner.runClaimed(job.id(), settings(job.failureThreshold()), work(job.id()));
        }
    }

    private JobRunner.TenantWork work(UUID jobId) {
        return tenant -> migration.migrate(tenant, jobId);
    }

    private void validate(Request request) {
        List<Problem.Violation> violations = new ArrayList<>();
        TenantSelection.check("tenants", request.tenants(), versions::unknown, violations);
        TenantSelection.check("canaries", request.canaries(), null, violations);
        if (request.failureThreshold() != null && request.failureThreshold() < 0) {
            violations.add(new Problem.Violation("failure_threshold", "must be 0 or more"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid input", "Invalid migration request", violations);
        }
    }
}
