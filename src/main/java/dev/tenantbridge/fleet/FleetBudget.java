package dev.tenantbridge.fleet;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many tenants fleet work may handle at once, so that serving traffic keeps its connections: a share of the
 * shared pool, divided by the connections one tenant's work holds.
 */
@ApplicationScoped
public class FleetBudget {

    private final int poolSize;
    private final double share;

    FleetBudget(@ConfigProperty(name = "quarkus.datasource.jdbc.max-size") int poolSize, FleetConfig config) {
        this.poolSize = poolSize;
        this.share = config.poolShare();
    }

    /** The parallelism to use: at most {@code wanted}, at least one. */
    public int parallelism(int wanted, int connectionsPerTenant) {
        int affordable = (int) Math.floor(poolSize * share) / connectionsPerTenant;
        return Math.max(1, Math.min(wanted, affordable));
    }
}
