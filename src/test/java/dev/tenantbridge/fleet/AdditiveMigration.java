package dev.tenantbridge.fleet;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A build whose tenant migrations hold one more, additive version (900) than production's. */
public class AdditiveMigration implements QuarkusTestProfile {

    public static final String LATEST = "900";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tenant-bridge.fleet.extra-migration-locations", "classpath:db/tenant-fleet-test");
    }
}
