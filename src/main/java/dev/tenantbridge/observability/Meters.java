package dev.tenantbridge.observability;

import java.time.Duration;

/**
 * Names and tags of the service's own meters, in Micrometer's dotted form; Prometheus sees dots as underscores
 * and timers with a {@code _seconds} suffix. Every tenant tag is bounded by the catalog: a tenant is tagged only
 * once the catalog knows it, and its series go when it leaves the catalog.
 */
public final class Meters {

    public static final String TENANT = "tenant";
    public static final String STATUS = "status";
    public static final String CLUSTER = "cluster";
    public static final String VERSION = "version";
    public static final String OUTCOME = "outcome";

    /** Tenants in the catalog by status and cluster. */
    public static final String TENANTS = "bridge.tenants";
    /** Tenant schemas the catalog places on each cluster. */
    public static final String CLUSTER_SCHEMAS = "bridge.cluster.schemas";
    /** Tenants on each tenant-schema version. */
    public static final String VERSION_TENANTS = "bridge.schema.version.tenants";

    public static final String SCHEMA_TOTAL_BYTES = "bridge.schema.total.bytes";
    public static final String SCHEMA_TABLE_BYTES = "bridge.schema.table.bytes";
    public static final String SCHEMA_INDEX_BYTES = "bridge.schema.index.bytes";
    public static final String SCHEMA_ROWS = "bridge.schema.rows";
    /** Duration of one fleet and storage collection. */
    public static final String COLLECTION = "bridge.storage.collection";

    public static final String CONNECTIONS_HELD = "bridge.tenant.connections.held";
    public static final String CONNECTION_WAIT = "bridge.tenant.connection.wait";
    public static final String TRANSACTION = "bridge.tenant.transaction";
    public static final String TRANSACTION_STATEMENTS = "bridge.tenant.transaction.statements";
    public static final String REQUESTS = "bridge.tenant.requests";
    /** The shared pool's configured maximum size (the pool's own meters carry active, idle and waiting). */
    public static final String POOL_MAX = "bridge.pool.max";

    /** Buckets for latencies of a request path: from a millisecond up to the default statement timeout. */
    static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30)
    };

    private Meters() {}
}
