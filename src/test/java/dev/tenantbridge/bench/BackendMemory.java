package dev.tenantbridge.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * How much memory one PostgreSQL backend holds after it has served many tenants, from
 * {@code pg_backend_memory_contexts}: in total, and in the catalog caches (the relation and system catalog caches
 * grow with every schema's tables a backend touches, and PostgreSQL never shrinks them while the backend lives).
 * One connection runs one product read per tenant, each in its own transaction with the service's routing, as a
 * pooled connection of the service does over time.
 */
final class BackendMemory {

    static final long GOAL_BYTES = 64L * 1024 * 1024;

    private static final String CACHES = "('CacheMemoryContext', 'CatCacheMemoryContext')";
    private static final String QUERY = "SELECT sum(total_bytes), sum(total_bytes) FILTER (WHERE name IN " + CACHES
            + " OR parent IN " + CACHES + ") FROM pg_backend_memory_contexts";

    /** Backend memory in bytes: all contexts, and the catalog caches among them. */
    record Snapshot(long totalBytes, long cacheBytes) {}

    /**
     * What serving the tenants did to one backend: memory before and after, the growth per tenant served, and
     * how many tenants one backend can serve before reaching the goal at that rate.
     */
    record Growth(int tenants, Snapshot before, Snapshot after, long bytesPerTenant, long tenantsUntilGoal) {}

    private BackendMemory() {}

    static Growth measure(Cluster cluster, List<Map<String, String>> tenants) throws SQLException {
        try (Connection connection = cluster.admin()) {
            JdbcFloor.read(connection, tenants.get(0));
            Snapshot before = snapshot(connection);
            for (Map<String, String> fixture : tenants) {
                JdbcFloor.read(connection, fixture);
            }
            Snapshot after = snapshot(connection);
            long perTenant = Math.max(1, (after.totalBytes() - before.totalBytes()) / tenants.size());
            long until = Math.max(0, (GOAL_BYTES - before.totalBytes()) / perTenant);
            return new Growth(tenants.size(), before, after, perTenant, until);
        }
    }

    private static Snapshot snapshot(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(QUERY)) {
            rows.next();
            return new Snapshot(rows.getLong(1), rows.getLong(2));
        }
    }
}
