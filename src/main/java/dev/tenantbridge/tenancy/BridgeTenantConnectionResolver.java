package dev.tenantbridge.tenancy;

import dev.tenantbridge.common.BridgeConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantConnectionResolver;
import jakarta.enterprise.context.ApplicationScoped;
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

    BridgeTenantConnectionResolver(
            AgroalDataSource pool,
            TenantDirectory directory,
            TransactionSynchronizationRegistry transactions,
            BridgeConfig config,
            Instance<TenantConnectionListener> listeners) {
        this.pool = pool;
        this.directory = directory;
        this.transactions = transactions;
        this.config = config;
        this.listeners = listeners;
    }

    @Override
    public ConnectionProvider resolve(String tenantId) {
        return new TenantConnectionProvider(
                tenantId,
                directory,
                pool,
                transactions,
                config.statementTimeout(),
                listeners.stream().toList());
    }
}
