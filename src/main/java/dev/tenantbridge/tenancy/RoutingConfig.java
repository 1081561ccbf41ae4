package dev.tenantbridge.tenancy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How tenant requests reach their schema, under the {@code tenant-bridge.routing} prefix. */
@ConfigMapping(prefix = "tenant-bridge.routing")
public interface RoutingConfig {

    /**
     * {@code transaction} (the default and the only mode for production): search path, role and statement
     * timeout set transaction-locally once per transaction. {@code session-schema}: what Quarkus's built-in
     * SCHEMA multitenancy does, {@code Connection.setSchema} on every checkout and nothing else; it exists so
     * the benchmark can measure that peer, and it needs a login role that may read every tenant's tables.
     */
    @WithDefault("transaction")
    Mode mode();

    /**
     * How many distinct tenant schemas one pooled connection may enter before the pool closes it instead of
     * reusing it; 0 turns the bound off. A PostgreSQL backend keeps the catalog entries of every relation it has
     * touched for as long as it lives, so this bounds the memory each backend holds (see {@link BackendBudget}).
     */
    @WithDefault("1000")
    int maxSchemasPerConnection();

    /** The ways a connection can be routed to a tenant's schema. */
    enum Mode {
        TRANSACTION,
        SESSION_SCHEMA
    }
}
