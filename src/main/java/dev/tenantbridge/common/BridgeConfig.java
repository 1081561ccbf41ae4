package dev.tenantbridge.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the service under the {@code tenant-bridge} prefix; each is listed in the README. */
@ConfigMapping(prefix = "tenant-bridge")
public interface BridgeConfig {

    /** Most tenants one cluster holds; provisioning beyond it is refused. */
    @WithDefault("500")
    int maxTenants();

    /** NOLOGIN role that owns every tenant schema and its objects; the login role switches to it for DDL. */
    @WithDefault("tenant_bridge_owner")
    String ownerRole();

    /** Statement timeout applied to each tenant transaction unless the tenant's catalog entry sets its own. */
    @WithDefault("30s")
    Duration statementTimeout();

    /** How long a tenant's catalog entry is trusted before the request path reads it again. */
    @WithDefault("2s")
    Duration catalogCacheTtl();

    /** Largest page any list endpoint returns. */
    @WithDefault("100")
    int maxPageSize();
}
