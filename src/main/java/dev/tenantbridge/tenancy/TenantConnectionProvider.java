package dev.tenantbridge.tenancy;

import dev.tenantbridge.catalog.TenantRecord;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.postgresql.PGConnection;

/**
 * Hands Hibernate connections for one tenant from the shared pool of the tenant's cluster, with the tenant's
 * context set up once per JTA transaction ({@link TenantSession}).
 *
 * <p>Contract: every call must come from inside an active transaction; otherwise it fails at once, because the
 * transaction-local settings would vanish after the first statement. Within one transaction Agroal hands out the
 * same physical connection each time; a marker of schema and backend pid kept in the transaction's registry
 * makes the set-up run once. {@link #closeConnection} runs no SQL: the end of the transaction clears the
 * settings, and after a rollback the wrapper may already be closed. Each transaction's schema counts towards the
 * connection's {@link BackendBudget}.
 *
 * <p>In {@link RoutingConfig.Mode#SESSION_SCHEMA} mode (a benchmark peer, never for production) it calls
 * {@link Connection#setSchema} on every checkout instead, as Quarkus's built-in SCHEMA handling does: no role
 * switch, no statement timeout, and the setting outlives the transaction. The listeners hear of each transaction
 * in both modes, so that a comparison of the two measures the routing alone.
 *
 * <p>Thread-safe: it holds no per-call state.
 */
final class TenantConnectionProvider implements ConnectionProvider {

    private static final String MARKER = TenantConnectionProvider.class.getName();

    private final String tenantId;
    private final TenantDirectory directory;
    private final DataSource pool;
    private final TransactionSynchronizationRegistry transactions;
    private final Duration defaultTimeout;
    private final List<TenantConnectionListener> listeners;
    private final RoutingConfig.Mode mode;
    private final BackendBudget budget;

    TenantConnectionProvider(
            String tenantId,
            TenantDirectory directory,
            DataSource pool,
            TransactionSynchronizationRegistry transactions,
            Duration defaultTimeout,
            List<TenantConnectionListener> listeners,
            RoutingConfig.Mode mode,
            BackendBudget budget) {
        this.tenantId = tenantId;
        this.directory = directory;
        this.pool = pool;
        this.transactions = transactions;
        this.defaultTimeout = defaultTimeout;
        this.listeners = listeners;
        this.mode = mode;
        this.budget = budget;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Tenant " + tenantId + " data was reached outside a transaction;"
                    + " tenant access must run inside one (for example a @Transactional method)");
        }
        TenantRecord tenant = directory
                .find(tenantId)
                .orElseThrow(() -> new IllegalStateException("Tenant " + tenantId + " is not in the catalog"));
        long asked = System.nanoTime();
        Connection connection = pool.getConnection();
        long waitNanos = System.nanoTime() - asked;
        try {
            String marker = marker(connection, tenant);
            boolean first = !marker.equals(transactions.getResource(MARKER));
            if (mode == RoutingConfig.Mode.SESSION_SCHEMA) {
                connection.setSchema(tenant.schemaName());
            } else if (first) {
                TenantSession.enter(connection, tenant, defaultTimeout);
            }
            if (first) {
                budget.entered(connection, tenant.schemaName());
                transactions.putResource(MARKER, marker);
                listeners.forEach(listener -> listener.connectionAcquired(tenantId, waitNanos));
            }
            return connection;
        } catch (SQLException e) {
            connection.close();
            RoleMemberships.answerIfRefused(e, tenant, pool);
            throw e;
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * What the transaction's registry keeps once a checkout of this connection has been set up for the tenant:
     * a later checkout in the same transaction that finds it equal needs no set-up.
     */
    private static String marker(Connection connection, TenantRecord tenant) throws SQLException {
        return tenant.schemaName() + "@" + connection.unwrap(PGConnection.class).getBackendPID();
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean handlesConnectionSchema() {
        return true;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return type.isInstance(this) || type.isInstance(pool);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return (T) this;
        }
        if (type.isInstance(pool)) {
            return (T) pool;
        }
        throw new IllegalArgumentException("Cannot unwrap a tenant connection provider as " + type.getName());
    }
}
