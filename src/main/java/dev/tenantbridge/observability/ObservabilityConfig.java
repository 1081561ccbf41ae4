package dev.tenantbridge.observability;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the fleet metrics under {@code tenant-bridge.observability}; listed in the README. */
@ConfigMapping(prefix = "tenant-bridge.observability")
public interface ObservabilityConfig {

    /**
     * How often the fleet and storage figures are read from the catalog (one query for all schemas). Scrapes in
     * between see the last figures; they never reach the database.
     */
    @WithDefault("60s")
    Duration collectionInterval();
}
