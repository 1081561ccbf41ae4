package dev.tenantbridge.tenancy;

import dev.tenantbridge.catalog.TenantCatalog;
import dev.tenantbridge.catalog.TenantRecord;
import dev.tenantbridge.common.BridgeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The request path's view of the tenant catalog, so that a request costs no extra round trip.
 *
 * <p>The whole catalog is read in one query and trusted for {@code tenant-bridge.catalog-cache-ttl}; once that has
 * passed, the first request to notice reads it again while the others go on with the copy they have. A whole-copy
 * refresh keeps every tenant warm however thinly traffic is spread over them (a per-tenant entry would expire
 * between two requests of a quiet tenant). Ids the copy lacks, such as a tenant another replica has just
 * provisioned, are looked up one by one and remembered for the same time. Changes made by this replica take effect
 * at once ({@link #invalidate}); changes made by another replica within the time to live.
 *
 * <p>Thread-safe.
 */
@ApplicationScoped
public class TenantDirectory {

    private record Lookup(Optional<TenantRecord> tenant, long loadedAt) {}

    private final TenantCatalog catalog;
    private final long ttlNanos;
    private final AtomicBoolean reloading = new AtomicBoolean();
    private final Set<String> changedDuringReload = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Lookup> lookups = new ConcurrentHashMap<>();
    private final Object publishing = new Object();
    private final AtomicLong invalidations = new AtomicLong();
    private volatile Map<String, TenantRecord> tenants = new ConcurrentHashMap<>();
    private volatile long loadedAt;
    private volatile boolean loaded;

    TenantDirectory(TenantCatalog catalog, BridgeConfig config) {
        this.catalog = catalog;
        this.ttlNanos = config.catalogCacheTtl().toNanos();
    }

    public Optional<TenantRecord> find(String tenantId) {
        long now = System.nanoTime();
        if (!loaded || now - loadedAt > ttlNanos) {
            reloadUnlessAnotherThreadIs();
        }
        TenantRecord tenant = tenants.get(tenantId);
        return tenant != null ? Optional.of(tenant) : lookUp(tenantId, now);
    }

    /** Forgets what is known of a tenant so the next request reads the catalog again. */
    public void invalidate(String tenantId) {
        synchronized (publishing) {
            invalidations.incrementAndGet();
            changedDuringReload.add(tenantId);
            tenants.remove(tenantId);
            lookups.remove(tenantId);
        }
    }

    private Optional<TenantRecord> lookUp(String tenantId, long now) {
        Lookup lookup = lookups.get(tenantId);
        if (lookup == null || now - lookup.loadedAt() > ttlNanos) {
            long before = invalidations.get();
            lookup = new Lookup(catalog.find(tenantId), now);
            synchronized (publishing) {
                // A change invalidated while the query ran may be missing from its result: do not keep it.
                if (invalidations.get() == before) {
                    lookups.put(tenantId, lookup);
                }
            }
        }
        return lookup.tenant();
    }

    private void reloadUnlessAnotherThreadIs() {
        if (!reloading.compareAndSet(false, true)) {
            return;
        }
        try {
            changedDuringReload.clear();
            long started = System.nanoTime();
            ConcurrentHashMap<String, TenantRecord> fresh = new ConcurrentHashMap<>();
            catalog.all().forEach(tenant -> fresh.put(tenant.id(), tenant));
            synchronized (publishing) {
                // A change committed while the query ran may be missing from its result: look such tenants up
                // afresh. Under the lock, so that no request sees the copy before they are gone from it.
                changedDuringReload.forEach(fresh::remove);
                tenants = fresh;
                lookups.clear();
                loadedAt = started;
                loaded = true;
            }
        } finally {
            reloading.set(false);
        }
    }
}
