package dev.tenantbridge.observability;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSourceMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the shared pool is exhausted: every connection is in use and callers queue for one. Taking
 * this replica out of rotation then lets others serve instead of piling up more waiting requests.
 */
@Readiness
@ApplicationScoped
public class PoolReadiness implements HealthCheck {

    static final String NAME = "Connection pool";

    private final AgroalDataSource pool;

    PoolReadiness(AgroalDataSource pool) {
        this.pool = pool;
    }

    /** The pool is exhausted when no connection is left to hand out and someone is already waiting. */
    static boolean exhausted(long active, long awaiting, int maxSize) {
        return active >= maxSize && awaiting > 0;
    }

    @Override
    public HealthCheckResponse call() {
        AgroalDataSourceMetrics metrics = pool.getMetrics();
        int maxSize = PoolMeters.maxSize(pool);
        long active = metrics.activeCount();
        long awaiting = metrics.awaitingCount();
        return HealthCheckResponse.named(NAME)
                .status(!exhausted(active, awaiting, maxSize))
                .withData("active", active)
                .withData("awaiting", awaiting)
                .withData("max_size", maxSize)
                .build();
    }
}
