package dev.tenantbridge.fleet;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of fleet operations under {@code tenant-bridge.fleet}; each is listed in the README. */
@ConfigMapping(prefix = "tenant-bridge.fleet")
public interface FleetConfig {

    /**
     * Tenant migration locations added to {@code classpath:db/tenant}. Meant for tests and benchmarks that need a
     * later tenant version; production leaves it unset.
     */
    Optional<List<String>> extraMigrationLocations();

    /**
     * Fraction of the shared pool that fleet work (migrations, maintenance, audits) may hold; the rest serves
     * traffic.
     */
    @WithDefault("0.5")
    double poolShare();

    /** Fleet migrations. */
    Migration migration();

    /** Fleet maintenance. */
    Maintenance maintenance();

    /** Fleet audits. */
    Audit audit();

    /** Provisioning. */
    Provisioning provisioning();

    /** Settings of fleet migrations. */
    interface Migration {

        /** Most tenant schemas migrated at once; lowered further when the pool share cannot carry that many. */
        @WithDefault("4")
        int parallelism();

        /** Tenant ids migrated first, one at a time; the run stops if one of them fails. */
        Optional<List<String>> canaries();

        /** The run stops once more tenants than this have failed (a request may set its own). */
        @WithDefault("10")
        int failureThreshold();

        /** Start a migration of every tenant that is behind when the service starts. */
        @WithDefault("false")
        boolean migrateAtStart();

        /** How often a running migration job writes its progress to the log. */
        @WithDefault("10s")
        Duration progressLogInterval();
    }

    /** Settings of fleet maintenance. */
    interface Maintenance {

        /** How often the whole fleet is maintained ({@code off} to never run it on a schedule). */
        @WithDefault("off")
        String every();

        /** Whether the scheduled run also vacuums ({@code VACUUM (ANALYZE)}) rather than only analyzing. */
        @WithDefault("false")
        boolean vacuum();

        /** Most tenants maintained at once; lowered further when the pool share cannot carry that many. */
        @WithDefault("2")
        int parallelism();

        /** Pause between the starts of two tenants' maintenance, so the fleet is not hit at once. */
        @WithDefault("100ms")
        Duration stagger();
    }

    /** Settings of fleet audits. */
    interface Audit {

        /** How often the whole fleet is audited ({@code off} to never run it on a schedule). */
        @WithDefault("off")
        String every();
    }

    /** Settings of provisioning. */
    interface Provisioning {

        /**
         * Build new schemas by replaying the cached migration scripts in one transaction and writing the Flyway
         * history rows as Flyway does, instead of running Flyway on each new schema.
         */
        @WithDefault("true")
        boolean fastPath();
    }
}
