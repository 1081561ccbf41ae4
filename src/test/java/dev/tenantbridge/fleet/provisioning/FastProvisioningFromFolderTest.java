package dev.tenantbridge.fleet.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The fast path with a tenant version that lives in a folder ({@code filesystem:} location) rather than on the
 * class path: it still replays, and every check of the class-path case holds.
 */
@QuarkusTest
@TestProfile(FastProvisioningFromFolderTest.Profile.class)
class FastProvisioningFromFolderTest extends FastProvisioningTest {

    static final String FOLDER = "src/test/resources/db/tenant-fleet-test";

    /** Version 900 from the folder, not from the class path. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tenant-bridge.fleet.extra-migration-locations", "filesystem:" + FOLDER);
        }
    }

    @Test
    void shouldReplayUpToTheVersionFromTheFolder() throws SQLException {
        assertEquals("900", migrator.latestVersion());
        assertEquals(Optional.of("900"), fast.replayVersion());
    }
}
