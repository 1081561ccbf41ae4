package dev.tenantbridge.tenancy;

import dev.tenantbridge.common.BridgeConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantConnectionResolver;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/**
 * Gives Hibernate one {@link TenantConnectionProvider} per tenant, all backed by the one shared pool of the
 * cluster (never a pool per tenant). Hibernate asks once per tenant and keeps the provider.
 */
@ApplicationScoped
@PersistenceUnitExtension
public class BridgeTenantConnectionResolver implements TenantConnectionResolver {

    private final AgroalDataSource pool;
    private final TenantDirectory directory;
    private final TransactionSynchronizationRegistry transactions;
    private final BridgeConfig config;
    private final Instance<TenantConnectionListener> listeners;
    private final RoutingConfig.Mode mode;
    private final BackendBudget budget;

    BridgeTenantConnectionResolver(
            AgroalDataSource pool,
            TenantDirectory directory,
            TransactionSynchronizationRegistry transactions,
            BridgeConfig config,
            Instance<TenantConnectionListener> listeners,
            RoutingConfig routing,
            BackendBudget budget) {
        this.pool = pool;
        this.directory = directory;
        this.transactions = transactions;
        this.config = config;
        this.listeners = listeners;
        this.mode = routing.mode();
        this.budget = budget;
    }

    void onStart(@Observes StartupEvent event) {
        if (mode == RoutingConfig.Mode.SESSION_SCHEMA) {
            Log.warn("Tenant routing is in session-schema mode, a benchmark peer: no tenant role and no statement"
                    + " timeout, and the search path outlives each transaction. Never use it in production");
        }
    }

    @Override
    public ConnectionProvider resolve(String tenantId) {
        return new TenantConnectionProvider(
                tenantId,
                directory,
                pool,
                transactions,
                config.statementTimeout(),
                listeners.stream().toList(),
                mode,
                budget);
    }
}
