package dev.tenantbridge.tenancy;

import dev.tenantbridge.catalog.TenantCatalog;
import dev.tenantbridge.catalog.TenantRecord;
import dev.tenantbridge.common.BridgeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request path's view of the tenant catalog: each tenant's entry is read once and trusted for
 * {@code tenant-bridge.catalog-cache-ttl}, so a request costs no extra round trip. Changes made by this replica
 * take effect at once; changes made by another replica within the time to live.
 */
@ApplicationScoped
public class TenantDirectory {

    private record Entry(Optional<TenantRecord> tenant, long loadedAt) {}

    private final TenantCatalog catalog;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    TenantDirectory(TenantCatalog catalog, BridgeConfig config) {
        this.catalog = catalog;
        this.ttlNanos = config.catalogCacheTtl().toNanos();
    }

    public Optional<TenantRecord> find(String tenantId) {
        long now = System.nanoTime();
        Entry entry = entries.get(tenantId);
        if (entry == null || now - entry.loadedAt() > ttlNanos) {
            entry = new Entry(catalog.find(tenantId), now);
            entries.put(tenantId, entry);
        }
        return entry.tenant();
    }

    /** Forgets a tenant's entry so the next request reads the catalog again. */
    public void invalidate(String tenantId) {
        entries.remove(tenantId);
    }
}
