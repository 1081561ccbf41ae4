package dev.tenantbridge.tenancy;

/**
 * Hears when a tenant transaction takes its connection from the shared pool, so that other features (metrics)
 * can follow connection use per tenant without reaching into the routing. Implementations are CDI beans; the
 * connection provider calls each of them.
 *
 * <p>Contract: called on the transaction's own thread, inside the active JTA transaction, once per transaction
 * and tenant, after the tenant's context has been set on the connection. It must be quick and must not throw;
 * the tenant is one the catalog knows, so it may be used as a bounded tag.
 */
public interface TenantConnectionListener {

    /**
     * @param tenantId the tenant whose transaction now holds a pooled connection until it ends
     * @param waitNanos how long the pool took to hand the connection out
     */
    void connectionAcquired(String tenantId, long waitNanos);
}
