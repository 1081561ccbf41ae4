package dev.tenantbridge.tenancy;

import io.agroal.pool.wrapper.ConnectionWrapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.postgresql.PGConnection;

/**
 * Bounds the memory a pooled PostgreSQL backend piles up across tenant schemas. A backend caches the catalog
 * entries of every relation it touches and never gives them back while it lives, so a connection that has
 * served thousands of schemas holds hundreds of megabytes. This counts the distinct schemas each physical
 * connection has entered (a schema it built counts as {@link #BUILD_WEIGHT}); when a connection reaches
 * {@link RoutingConfig#maxSchemasPerConnection()}, the pool is told to close it when it comes back instead of
 * reusing it, and opens a fresh one on demand.
 *
 * <p>Thread-safe. Physical connections are held weakly, so a connection the pool closes for any other reason
 * leaves no entry behind.
 */
@ApplicationScoped
public class BackendBudget {

    /** Pooled connections closed because their backend had entered the most schemas allowed. */
    public static final String RETIRED = "bridge.pool.retired";

    /** How many schemas one build of a tenant schema counts as. */
    static final int BUILD_WEIGHT = 20;

    private final Map<PGConnection, Usage> usageByBackend = new WeakHashMap<>();
    private final int maxSchemas;
    private final Counter retired;
    private volatile boolean warnedUnknownPool;

    BackendBudget(RoutingConfig routing, MeterRegistry registry) {
        this.maxSchemas = routing.maxSchemasPerConnection();
        if (maxSchemas < 0) {
            throw new IllegalArgumentException(
                    "tenant-bridge.routing.max-schemas-per-connection must be 0 (no bound) or more, not " + maxSchemas);
        }
        this.retired = Counter.builder(RETIRED)
                .description("Pooled connections closed because their backend had entered"
                        + " tenant-bridge.routing.max-schemas-per-connection distinct tenant schemas")
                .register(registry);
    }

    /**
     * Notes that a connection checked out of the shared pool works in the schema; if that makes the most
     * distinct schemas allowed, the connection still serves the current work and is closed when it returns.
     */
    public void entered(Connection pooled, String schema) throws SQLException {
        entered(pooled, List.of(schema));
    }

    /**
     * Notes that a connection checked out of the shared pool has worked in all these schemas (for example a
     * query that sized every tenant's tables); as {@link #entered(Connection, String)}.
     */
    public void entered(Connection pooled, Collection<String> schemas) throws SQLException {
        count(pooled, schemas, 0);
    }

    /**
     * Notes that a connection built a new tenant schema. A build creates every table, index, function and
     * trigger of the schema and leaves their catalog entries in the backend, where a request touches a table or
     * two (about 70 KB per build against 25 KB per read, measured with a few hundred tenants), so a build
     * counts as {@link #BUILD_WEIGHT} schemas: a connection that provisions is renewed every few dozen tenants.
     */
    public void built(Connection pooled, String schema) throws SQLException {
        count(pooled, List.of(schema), BUILD_WEIGHT - 1);
    }

    private void count(Connection pooled, Collection<String> schemas, int extra) throws SQLException {
        if (maxSchemas == 0) {
            return;
        }
        PGConnection backend = pooled.unwrap(PGConnection.class);
        int entered;
        synchronized (usageByBackend) {
            Usage usage = usageByBackend.computeIfAbsent(backend, any -> new Usage());
            usage.extra += extra;
            if (!usage.schemas.addAll(schemas) && extra == 0 || usage.weight() < maxSchemas) {
                return;
            }
            entered = usage.weight();
            usageByBackend.remove(backend);
        }
        retire(pooled, backend, entered);
    }

    /** What one backend has entered: distinct schemas, and the extra weight of schemas it built. */
    private static final class Usage {
        final Set<String> schemas = new HashSet<>();
        int extra;

        int weight() {
            return schemas.size() + extra;
        }
    }

    private void retire(Connection pooled, PGConnection backend, int entered) {
        if (pooled instanceof ConnectionWrapper wrapper) {
            wrapper.getHandler().setFlushOnly();
            retired.increment();
            Log.debugf(
                    "Retiring the pooled connection of backend %d: it entered the weight of %d tenant schemas",
                    backend.getBackendPID(), entered);
        } else if (!warnedUnknownPool) {
            warnedUnknownPool = true;
            Log.warnf(
                    "Cannot retire a connection of type %s after %d tenant schemas: it does not come from an"
                            + " Agroal pool, so backend memory is bounded only by the pool's max-lifetime",
                    pooled.getClass().getName(), entered);
        }
    }
}
