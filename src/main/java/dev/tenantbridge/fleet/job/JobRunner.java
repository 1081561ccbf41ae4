package dev.tenantbridge.fleet.job;

import dev.tenantbridge.catalog.CatalogException;
import dev.tenantbridge.fleet.Errors;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Works through the tenants of a recorded job: canary tenants first and one at a time (a failing canary stops the
 * job), then the rest with bounded parallelism, each worker pausing between tenants. A tenant's failure is
 * recorded and the others continue until the failures pass the threshold. Progress goes to the log at a fixed
 * interval. Only the holder of the job's advisory lock works on it, so two replicas never run one job.
 */
@ApplicationScoped
public class JobRunner {

    /** What a job does to one tenant. */
    @FunctionalInterface
    public interface TenantWork {

        /** Handles the tenant; returns true when it did something, false when there was nothing to do. */
        boolean run(String tenantId) throws Exception;
    }

    /** How a job runs. */
    public record Settings(int parallelism, int failureThreshold, Duration logInterval, Duration stagger) {}

    private final JobStore store;
    private final AgroalDataSource pool;
    private final ExecutorService coordinators = Executors.newCachedThreadPool(named("fleet-job"));

    JobRunner(JobStore store, AgroalDataSource pool) {
        this.store = store;
        this.pool = pool;
    }

    void onShutdown(@Observes ShutdownEvent event) {
        coordinators.shutdownNow();
    }

    /** Runs the job on a background thread and returns at once. */
    public void start(UUID jobId, Settings settings, TenantWork work) {
        coordinators.submit(() -> runClaimed(jobId, settings, work));
    }

    /** Runs the job on the calling thread if no other replica works on it; returns when it has ended. */
    public void runClaimed(UUID jobId, Settings settings, TenantWork work) {
        try (Connection lock = pool.getConnection()) {
            if (!store.tryClaim(lock, jobId)) {
                Log.debugf("Job %s is in the hands of another replica", jobId);
                return;
            }
            try {
                if (store.find(jobId).map(job -> "running".equals(job.status())).orElse(false)) {
                    run(jobId, settings, work);
                }
            } finally {
                release(lock, jobId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Log.warnf("Job %s was interrupted; a later run continues it", jobId);
        } catch (SQLException | RuntimeException e) {
            Log.errorf(e, "Job %s broke off; a later run continues it", jobId);
        }
    }

    private static void release(Connection lock, UUID jobId) throws SQLException {
        try (PreparedStatement statement = lock.prepareStatement("SELECT pg_advisory_unlock_all()")) {
            statement.execute();
        }
    }

    private void run(UUID jobId, Settings settings, TenantWork work) throws InterruptedException {
        long started = System.nanoTime();
        List<JobStore.Pending> pending = store.pending(jobId);
        JobView before = store.find(jobId).orElseThrow();
        Log.infof(
                "Job %s (%s) starts: %d tenants to go, parallelism %d",
                jobId, before.kind(), pending.size(), settings.parallelism());
        Progress progress = new Progress(before.failed(), settings.failureThreshold());
        for (JobStore.Pending canary :
                pending.stream().filter(JobStore.Pending::canary).toList()) {
            if (!handle(jobId, canary.tenantId(), work, progress)) {
                progress.stop("Canary tenant " + canary.tenantId() + " failed");
                break;
            }
        }
        List<JobStore.Pending> rest = pending.stream().filter(p -> !p.canary()).toList();
        if (!progress.stopped()) {
            runParallel(jobId, rest, settings, work, progress);
        }
        finish(jobId, progress, started);
    }

    private void runParallel(
            UUID jobId, List<JobStore.Pending> tenants, Settings settings, TenantWork work, Progress progress)
            throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(settings.parallelism(), named("fleet-worker"));
        try {
            for (JobStore.Pending tenant : tenants) {
                workers.submit(() -> {
                    if (!progress.stopped()) {
                        pause(settings.stagger());
                        handle(jobId, tenant.tenantId(), work, progress);
                    }
                });
            }
            workers.shutdown();
            while (!workers.awaitTermination(settings.logInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                store.find(jobId).ifPresent(JobRunner::logProgress);
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /** Runs the work on one tenant and records the outcome; returns false when the tenant failed. */
    private boolean handle(UUID jobId, String tenantId, TenantWork work, Progress progress) {
        try {
            boolean changed = work.run(tenantId);
            store.finishTenant(jobId, tenantId, changed ? "succeeded" : "skipped", null);
            return true;
        } catch (Exception e) {
            String error = Errors.summary(e);
            Log.warnf("Job %s: tenant %s failed: %s", jobId, tenantId, error);
            store.finishTenant(jobId, tenantId, "failed", error);
            progress.failed();
            return false;
        }
    }

    private void finish(UUID jobId, Progress progress, long started) {
        String status = progress.stopped() ? "stopped" : progress.failures() > 0 ? "failed" : "succeeded";
        store.finish(jobId, status, progress.reason());
        JobView job = store.find(jobId).orElseThrow(() -> new CatalogException("Job " + jobId + " vanished", null));
        Log.infof(
                "Job %s (%s) %s in %d ms: %d done, %d failed, %d not reached%s",
                jobId,
                job.kind(),
                status,
                (System.nanoTime() - started) / 1_000_000,
                job.done(),
                job.failed(),
                job.remaining(),
                progress.reason() == null ? "" : " (" + progress.reason() + ")");
    }

    private static void logProgress(JobView job) {
        Log.infof(
                "Job %s (%s): %d of %d done, %d failed, %d remaining, %.1f tenants/s, about %s s left",
                job.id(),
                job.kind(),
                job.done(),
                job.total(),
                job.failed(),
                job.remaining(),
                job.ratePerSecond(),
                job.etaSeconds() == null ? "?" : job.etaSeconds());
    }

    private static void pause(Duration stagger) {
        if (stagger.isZero()) {
            return;
        }
        try {
            Thread.sleep(stagger.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Failures so far and whether the job has been told to stop. Shared by the workers of one job. */
    private static final class Progress {

        private final AtomicInteger failures;
        private final int threshold;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicReference<String> reason = new AtomicReference<>();

        Progress(int failuresBefore, int threshold) {
            this.failures = new AtomicInteger(failuresBefore);
            this.threshold = threshold;
        }

        void failed() {
            if (failures.incrementAndGet() > threshold) {
                stop("Stopped after " + failures.get() + " failed tenants (threshold " + threshold + ")");
            }
        }

        void stop(String why) {
            if (stop.compareAndSet(false, true)) {
                reason.set(why);
            }
        }

        boolean stopped() {
            return stop.get();
        }

        int failures() {
            return failures.get();
        }

        String reason() {
            return reason.get();
        }
    }
}
