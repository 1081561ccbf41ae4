package dev.tenantbridge.fleet.maintenance;

import dev.tenantbridge.fleet.FleetBudget;
import dev.tenantbridge.fleet.FleetConfig;
import dev.tenantbridge.fleet.job.JobRunner;
import dev.tenantbridge.fleet.job.JobStore;
import dev.tenantbridge.fleet.job.JobView;
import dev.tenantbridge.fleet.migration.TenantVersions;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Maintains the whole fleet as a job: a few tenants at a time (within the pool budget), each worker pausing
 * between tenants so that the cluster is never hit by every schema at once. Runs on demand and on the schedule
 * {@code tenant-bridge.fleet.maintenance.every}.
 */
@ApplicationScoped
public class FleetMaintenance {

    static final String KIND = "maintenance";
    private static final int CONNECTIONS = 2;

    private final TenantMaintenance maintenance;
    private final TenantVersions versions;
    private final JobStore jobs;
    private final JobRunner runner;
    private final FleetBudget budget;
    private final FleetConfig config;

    FleetMaintenance(
            TenantMaintenance maintenance,
            TenantVersions versions,
            JobStore jobs,
            JobRunner runner,
            FleetBudget budget,
            FleetConfig config) {
        this.maintenance = maintenance;
        this.versions = versions;
        this.jobs = jobs;
        this.runner = runner;
        this.budget = budget;
        this.config = config;
    }

    /** Starts maintaining every built tenant; returns the job. */
    public JobView start(boolean vacuum) {
        List<JobStore.Entry> entries = versions.built(null).stream()
                .map(id -> new JobStore.Entry(id, false))
                .toList();
        JobRunner.Settings settings = new JobRunner.Settings(
                budget.parallelism(config.maintenance().parallelism(), CONNECTIONS),
                Integer.MAX_VALUE,
                config.migration().progressLogInterval(),
                config.maintenance().stagger());
        UUID id = jobs.create(KIND, null, settings, entries);
        runner.start(id, settings, tenant -> succeeded(maintenance.maintain(tenant, vacuum)));
        return jobs.find(id).orElseThrow();
    }

    @Scheduled(
            every = "${tenant-bridge.fleet.maintenance.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        JobView job = start(config.maintenance().vacuum());
        Log.infof("Scheduled maintenance %s started over %d tenants", job.id(), job.total());
    }

    private static boolean succeeded(List<MaintenanceRun> runs) {
        List<MaintenanceRun> failed =
                runs.stream().filter(r -> "failed".equals(r.status())).toList();
        if (!failed.isEmpty()) {
            throw new IllegalStateException(
                    failed.get(0).operation() + " failed: " + failed.get(0).detail());
        }
        return true;
    }
}
