package dev.tenantbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How much memory one PostgreSQL backend holds after it has served many tenants, from
 * {@code pg_backend_memory_contexts}: in total, and in the catalog caches (the relation and system catalog caches
 * grow with every schema's tables a backend touches, and PostgreSQL never shrinks them while the backend lives).
 * One connection runs one product read per tenant, each in its own transaction with the service's routing, as a
 * pooled connection of the service does over time: once without a bound, and once under the service's pool
 * policy, which closes a connection after it has entered {@link #MAX_SCHEMAS} schemas.
 *
 * <p>It can also read what the service's own pooled backends hold, from the operating system, when the database
 * runs on this machine.
 */
final class BackendMemory {

    static final long GOAL_BYTES = 64L * 1024 * 1024;

    /** The service's default {@code tenant-bridge.routing.max-schemas-per-connection}. */
    static final int MAX_SCHEMAS = 1000;

    private static final String CACHES = "('CacheMemoryContext', 'CatCacheMemoryContext')";
    private static final String QUERY = "SELECT sum(total_bytes), sum(total_bytes) FILTER (WHERE name IN " + CACHES
            + " OR parent IN " + CACHES + ") FROM pg_backend_memory_contexts";

    /** Backend memory in bytes: all contexts, and the catalog caches among them. */
    record Snapshot(long totalBytes, long cacheBytes) {}

    /**
     * What serving the tenants did to one backend: memory before and after, the growth per tenant served, how
     * many tenants one backend can serve before reaching the goal at that rate, and the most any backend held
     * when connections were closed after {@link #MAX_SCHEMAS} schemas.
     */
    record Growth(
            int tenants,
            Snapshot before,
            Snapshot after,
            long bytesPerTenant,
            long tenantsUntilGoal,
            int maxSchemas,
            Snapshot peakWithBound) {}

    /** The private memory (resident anonymous pages) of each of the service's pooled backends, in bytes. */
    record ServiceBackends(int backends, long largestBytes, long totalBytes) {}

    private BackendMemory() {}

    static Growth measure(Cluster cluster, List<Map<String, String>> tenants) throws SQLException {
        Snapshot before;
        Snapshot after;
        try (Connection connection = cluster.admin()) {
            JdbcFloor.read(connection, tenants.get(0));
            before = snapshot(connection);
            for (Map<String, String> fixture : tenants) {
                JdbcFloor.read(connection, fixture);
            }
            after = snapshot(connection);
        }
        Snapshot peak = after;
        if (tenants.size() > MAX_SCHEMAS) {
            peak = new Snapshot(0, 0);
            for (int from = 0; from < tenants.size(); from += MAX_SCHEMAS) {
                try (Connection connection = cluster.admin()) {
                    for (Map<String, String> fixture :
                            tenants.subList(from, Math.min(tenants.size(), from + MAX_SCHEMAS))) {
                        JdbcFloor.read(connection, fixture);
                    }
                    Snapshot served = snapshot(connection);
                    peak = served.totalBytes() > peak.totalBytes() ? served : peak;
                }
            }
        }
        long perTenant = Math.max(1, (after.totalBytes() - before.totalBytes()) / tenants.size());
        long until = Math.max(0, (GOAL_BYTES - before.totalBytes()) / perTenant);
        return new Growth(tenants.size(), before, after, perTenant, until, MAX_SCHEMAS, peak);
    }

    /**
     * What the service's backends (those of its login role) hold privately, from {@code /proc}; empty when the
     * database does not run on this machine.
     */
    static ServiceBackends service(Cluster cluster) throws SQLException {
        List<Long> sizes = new ArrayList<>();
        try (Connection connection = cluster.admin();
                PreparedStatement statement = connection.prepareStatement("SELECT pid FROM pg_stat_activity"
                        + " WHERE usename = ? AND backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
            statement.setString(1, cluster.user());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    privateBytes(rows.getInt(1)).ifPresent(sizes::add);
                }
            }
        }
        return new ServiceBackends(
                sizes.size(),
                sizes.stream().mapToLong(Long::longValue).max().orElse(0),
                sizes.stream().mapToLong(Long::longValue).sum());
    }

    private static OptionalLong privateBytes(int pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Integer.toString(pid), "status"))) {
                if (line.startsWith("RssAnon:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")) * 1024);
                }
            }
        } catch (IOException | SecurityException e) {
            // Not on this machine, or gone meanwhile: nothing to count.
        }
        return OptionalLong.empty();
    }

    private static Snapshot snapshot(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(QUERY)) {
            rows.next();
            return new Snapshot(rows.getLong(1), rows.getLong(2));
        }
    }
}
