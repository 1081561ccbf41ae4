package dev.tenantbridge.observability;

import dev.tenantbridge.tenancy.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Records how long a long-running operation on one tenant took and whether it succeeded, for the control
 * plane's migrations and backups. Each operation is a timer {@code bridge.tenant.<operation>} tagged by tenant
 * and outcome ({@code success} or {@code failure}), so its count by outcome is the number of failures.
 *
 * <p>Callers pass tenants of the catalog only (the tag must stay bounded); the id is checked for shape.
 * Thread-safe.
 */
@ApplicationScoped
public class TenantOperationMeter {

    /** The operations with a duration per tenant. */
    public enum Operation {
        MIGRATION("bridge.tenant.migration", "Tenant schema migrations"),
        BACKUP("bridge.tenant.backup", "Tenant backups");

        private final String meterName;
        private final String description;

        Operation(String meterName, String description) {
            this.meterName = meterName;
            this.description = description;
        }

        public String meterName() {
            return meterName;
        }
    }

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";

    private final MeterRegistry registry;

    TenantOperationMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records one finished operation on a tenant. */
    public void record(Operation operation, String tenantId, Duration took, boolean succeeded) {
        if (!TenantId.isValid(tenantId)) {
            throw new IllegalArgumentException("Not a tenant id: operations are recorded for catalog tenants only");
        }
        Timer.builder(operation.meterName)
                .description(operation.description)
                .tags(Meters.TENANT, tenantId, Meters.OUTCOME, succeeded ? SUCCESS : FAILURE)
                .register(registry)
                .record(took);
    }

    /** Runs {@code work} for a tenant and records its duration; an exception counts as a failure and is rethrown. */
    public <T> T time(Operation operation, String tenantId, Supplier<T> work) {
        long started = System.nanoTime();
        boolean succeeded = false;
        try {
            T result = work.get();
            succeeded = true;
            return result;
        } finally {
            record(operation, tenantId, Duration.ofNanos(System.nanoTime() - started), succeeded);
        }
    }
}
