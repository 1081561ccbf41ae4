package dev.tenantbridge.observability;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The per-tenant meters: connections held, connection wait, transaction duration and statements, and request
 * duration. Callers pass only tenants the catalog knows; {@link #retainOnly} drops the series of tenants that
 * have left it, so the number of series stays bounded by the catalog.
 */
@ApplicationScoped
public class TenantMeters {

    private static final String TENANT_METER_PREFIX = "bridge.tenant.";

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, AtomicInteger> held = new ConcurrentHashMap<>();

    TenantMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The number of this tenant's transactions that hold a pooled connection now. */
    AtomicInteger connectionsHeld(String tenant) {
        return held.computeIfAbsent(tenant, this::heldGauge);
    }

    private AtomicInteger heldGauge(String tenant) {
        AtomicInteger count = new AtomicInteger();
        Gauge.builder(Meters.CONNECTIONS_HELD, count, AtomicInteger::get)
                .description("Pooled connections the tenant's transactions hold now")
                .tag(Meters.TENANT, tenant)
                .strongReference(true)
                .register(registry);
        return count;
    }

    Timer connectionWait(String tenant) {
        return latency(Meters.CONNECTION_WAIT, "Time a tenant transaction waited for a pooled connection")
                .tag(Meters.TENANT, tenant)
                .register(registry);
    }

    Timer transaction(String tenant, String outcome) {
        return latency(Meters.TRANSACTION, "Tenant transactions, from their first statement to commit or rollback")
                .tags(Meters.TENANT, tenant, Meters.OUTCOME, outcome)
                .register(registry);
    }

    DistributionSummary statements(String tenant) {
        return DistributionSummary.builder(Meters.TRANSACTION_STATEMENTS)
                .description("SQL statements per tenant transaction")
                .tag(Meters.TENANT, tenant)
                .register(registry);
    }

    Timer requests(String tenant, String outcome) {
        return latency(Meters.REQUESTS, "Tenant API requests by outcome class")
                .tags(Meters.TENANT, tenant, Meters.OUTCOME, outcome)
                .register(registry);
    }

    private static Timer.Builder latency(String name, String description) {
        return Timer.builder(name).description(description).serviceLevelObjectives(Meters.LATENCY_BUCKETS);
    }

    /** Removes every per-tenant series of tenants outside {@code tenants}. */
    void retainOnly(Set<String> tenants) {
        List<Meter> stale = registry.getMeters().stream()
                .filter(meter -> meter.getId().getName().startsWith(TENANT_METER_PREFIX))
                .filter(meter -> {
                    String tenant = meter.getId().getTag(Meters.TENANT);
                    return tenant != null && !tenants.contains(tenant);
                })
                .toList();
        stale.forEach(registry::remove);
        held.keySet().retainAll(tenants);
    }
}
