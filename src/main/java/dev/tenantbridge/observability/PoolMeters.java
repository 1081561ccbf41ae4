package dev.tenantbridge.observability;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Publishes the shared pool's configured maximum beside the pool's own meters ({@code agroal.active.count},
 * {@code agroal.available.count}, {@code agroal.awaiting.count}, ...), so saturation is a ratio Prometheus can
 * compute.
 */
@Startup
@ApplicationScoped
public class PoolMeters {

    static final String DATASOURCE = "datasource";
    static final String DEFAULT_DATASOURCE = "default";

    PoolMeters(AgroalDataSource pool, MeterRegistry registry) {
        Gauge.builder(Meters.POOL_MAX, pool, PoolMeters::maxSize)
                .description("Configured maximum size of the shared connection pool")
                .tag(DATASOURCE, DEFAULT_DATASOURCE)
                .register(registry);
    }

    static int maxSize(AgroalDataSource pool) {
        return pool.getConfiguration().connectionPoolConfiguration().maxSize();
    }
}
