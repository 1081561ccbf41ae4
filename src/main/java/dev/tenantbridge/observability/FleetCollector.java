package dev.tenantbridge.observability;

import dev.tenantbridge.catalog.CatalogException;
import dev.tenantbridge.catalog.TenantStatus;
import dev.tenantbridge.tenancy.BackendBudget;
import dev.tenantbridge.tenancy.TenantId;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Collects the fleet figures (tenants by status, schemas per cluster, version spread) and every schema's storage
 * on a schedule, with one catalog query for all schemas, and publishes them as gauges. Scrapes read the last
 * collection; they never reach the database. The collection's own duration is a timer.
 */
@ApplicationScoped
public class FleetCollector {

    static final String DEFAULT_CLUSTER = "default";

    private final AgroalDataSource pool;
    private final BackendBudget budget;
    private final TenantMeters tenantMeters;
    private final Timer duration;
    private final MultiGauge tenants;
    private final MultiGauge clusterSchemas;
    private final MultiGauge versions;

    FleetCollector(
            AgroalDataSource pool,
            BackendBudget budget,
            MeterRegistry registry,
            TenantMeters tenantMeters,
            ObservabilityConfig config) {
        this.pool = pool;
        this.budget = budget;
        this.tenantMeters = tenantMeters;
        this.duration = Timer.builder(Meters.COLLECTION)
                .description("Time one collection of fleet and storage figures took")
                .register(registry);
        this.tenants = gauge(registry, Meters.TENANTS, "Tenants in the catalog by status and cluster");
        this.clusterSchemas = gauge(registry, Meters.CLUSTER_SCHEMAS, "Tenant schemas the catalog places per cluster");
        this.versions = gauge(registry, Meters.VERSION_TENANTS, "Tenants on each tenant-schema version");
        Log.infof("Fleet and storage figures are collected every %s", config.collectionInterval());
    }

    private static MultiGauge gauge(MeterRegistry registry, String name, String description) {
        return MultiGauge.builder(name).description(description).register(registry);
    }

    @Scheduled(
            identity = "fleet-collection",
            every = "${tenant-bridge.observability.collection-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void collectOnSchedule() {
        try {
            collect();
        } catch (CatalogException e) {
            Log.warnf(e, "Fleet and storage collection failed; the metrics keep their last figures");
        }
    }

    /** Reads the whole fleet in one query, publishes it and returns what it read. */
    public synchronized List<SchemaFigures> collect() {
        long started = System.nanoTime();
        List<SchemaFigures> fleet = read();
        publish(fleet);
        long nanos = System.nanoTime() - started;
        duration.record(nanos, TimeUnit.NANOSECONDS);
        Log.debugf("Collected fleet and storage figures of %d tenants in %d ms", fleet.size(), nanos / 1_000_000);
        return fleet;
    }

    private List<SchemaFigures> read() {
        try (Connection connection = pool.getConnection()) {
            List<SchemaFigures> fleet = FleetQuery.read(connection);
            // Sizing a relation opens it, so this backend now caches every tenant table of the cluster.
            budget.entered(
                    connection,
                    fleet.stream()
                            .filter(SchemaFigures::schemaExists)
                            .map(f -> new TenantId(f.tenantId()).schemaName())
                            .toList());
            return fleet;
        } catch (SQLException e) {
            throw new CatalogException("Could not read the fleet's catalog and storage figures", e);
        }
    }

    private void publish(List<SchemaFigures> fleet) {
        tenants.register(statusRows(fleet), true);
        clusterSchemas.register(countRows(fleet, Meters.CLUSTER, SchemaFigures::cluster), true);
        List<SchemaFigures> versioned =
                fleet.stream().filter(f -> f.schemaVersion() != null).toList();
        versions.register(countRows(versioned, Meters.VERSION, SchemaFigures::schemaVersion), true);
        tenantMeters.retainOnly(fleet.stream().map(SchemaFigures::tenantId).collect(Collectors.toSet()));
        fleet.stream().filter(SchemaFigures::schemaExists).forEach(tenantMeters::storage);
    }

    /** One row per status and cluster, zeros included, so an alert on a status always has a series to read. */
    private static List<MultiGauge.Row<?>> statusRows(List<SchemaFigures> fleet) {
        TreeSet<String> clusters = new TreeSet<>(List.of(DEFAULT_CLUSTER));
        fleet.forEach(f -> clusters.add(f.cluster()));
        Map<List<String>, Long> counts = fleet.stream()
                .collect(Collectors.groupingBy(f -> List.of(f.status(), f.cluster()), Collectors.counting()));
        return clusters.stream()
                .flatMap(cluster -> Arrays.stream(TenantStatus.values())
                        .map(status -> MultiGauge.Row.of(
                                Tags.of(Meters.STATUS, status.label(), Meters.CLUSTER, cluster),
                                counts.getOrDefault(List.of(status.label(), cluster), 0L))))
                .<MultiGauge.Row<?>>map(row -> row)
                .toList();
    }

    private static List<MultiGauge.Row<?>> countRows(
            List<SchemaFigures> fleet, String tag, Function<SchemaFigures, String> key) {
        Map<String, Long> counts =
                fleet.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of(tag, e.getKey()), e.getValue()))
                .toList();
    }
}
