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
import java.util.concurrent.atomic.AtomicLong;

/**
 * The per-tenant meters: connections held, connection wait, transaction duration and statements, and request
 * duration. Callers pass only tenants the catalog knows; {@link #retainOnly} drops the series of tenants that
 * have left it, so the number of series stays bounded by the catalog.
 */
@ApplicationScoped
public class TenantMeters {

    private static final String METER_PREFIX = "bridge.";

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, AtomicInteger> held = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SchemaStorage> storage = new ConcurrentHashMap<>();

    /** The last storage figures of one tenant schema, read by its gauges. */
    record SchemaStorage(AtomicLong totalBytes, AtomicLong tableBytes, AtomicLong indexBytes, AtomicLong rows) {

        void set(SchemaFigures figures) {
            totalBytes.set(figures.totalBytes());
            tableBytes.set(figures.tableBytes());
            indexBytes.set(figures.indexBytes());
            rows.set(figures.rows());
        }
    }

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

    /**
     * Sets the storage gauges of one tenant schema. Gauges are registered once per tenant and then only updated,
     * so a collection over a large fleet does not re-register thousands of meters.
     */
    void storage(SchemaFigures figures) {
        storage.computeIfAbsent(figures.tenantId(), this::storageGauges).set(figures);
    }

    private SchemaStorage storageGauges(String tenant) {
        SchemaStorage gauges =
                new SchemaStorage(new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong());
        storageGauge(
                Meters.SCHEMA_TOTAL_BYTES, "Bytes of a tenant schema: tables and indexes", tenant, gauges.totalBytes);
        storageGauge(
                Meters.SCHEMA_TABLE_BYTES, "Bytes of a tenant schema's tables with TOAST", tenant, gauges.tableBytes);
        storageGauge(Meters.SCHEMA_INDEX_BYTES, "Bytes of a tenant schema's indexes", tenant, gauges.indexBytes);
        storageGauge(Meters.SCHEMA_ROWS, "Estimated rows over a tenant schema's tables", tenant, gauges.rows);
        return gauges;
    }

    private void storageGauge(String name, String description, String tenant, AtomicLong value) {
        Gauge.builder(name, value, AtomicLong::get)
                .description(description)
                .tag(Meters.TENANT, tenant)
                .strongReference(true)
                .register(registry);
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
                .filter(meter -> meter.getId().getName().startsWith(METER_PREFIX))
                .filter(meter -> {
                    String tenant = meter.getId().getTag(Meters.TENANT);
                    return tenant != null && !tenants.contains(tenant);
                })
                .toList();
        stale.forEach(registry::remove);
        held.keySet().retainAll(tenants);
        storage.keySet().retainAll(tenants);
    }
}
