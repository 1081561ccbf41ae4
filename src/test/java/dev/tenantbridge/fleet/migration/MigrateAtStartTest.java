package dev.tenantbridge.fleet.migration;

import static dev.tenantbridge.fleet.Fleet.awaitJob;
import static dev.tenantbridge.fleet.Fleet.hasLoyaltyColumn;
import static dev.tenantbridge.fleet.Fleet.ledger;
import static dev.tenantbridge.fleet.Fleet.productionVersions;
import static dev.tenantbridge.fleet.Fleet.schemaOf;
import static dev.tenantbridge.fleet.Fleet.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantbridge.fleet.AdditiveMigration;
import dev.tenantbridge.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(MigrateAtStartTest.Profile.class)
class MigrateAtStartTest {

    private static final String LATEST = AdditiveMigration.LATEST;
    private static final String JOB_OF = "SELECT DISTINCT job_id::text FROM control.job_tenants WHERE tenant_id = ?";

    /** The additive build, migrating at start; tenants left failed by earlier tests must not stop the job. */
    public static class Profile implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tenant-bridge.fleet.extra-migration-locations", "classpath:db/tenant-fleet-test",
                    "tenant-bridge.fleet.migration.migrate-at-start", "true",
                    "tenant-bridge.fleet.migration.failure-threshold", "1000000");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TenantsBehindAtStart.class));
        }
    }

    @ConfigProperty(name = TenantsBehindAtStart.BEHIND_KEY)
    List<String> behind;

    @ConfigProperty(name = TenantsBehindAtStart.CURRENT_KEY)
    String current;

    @Test
    void shouldMigrateTheTenantsBehindThroughOneJobStartedByTheStartAndLeaveCurrentOnesAlone() {
        String job = startJob();

        awaitJob(job);
        String jobCreated = Database.column("SELECT created_at::text FROM control.jobs WHERE id = ?::uuid", job)
                .get(0);

        assertEquals(
                List.of(FleetMigration.KIND + " " + LATEST),
                Database.column("SELECT kind || ' ' || target_version FROM control.jobs WHERE id = ?::uuid", job));
        for (String tenant : behind) {
            assertEquals(productionVersions(), installedBefore(tenant, jobCreated));
            assertEquals(LATEST, version(tenant));
            assertTrue(hasLoyaltyColumn(tenant));
            assertEquals(List.of(LATEST + " succeeded 1"), ledger(tenant));
            assertEquals(
                    List.of(job),
                    Database.column("SELECT job_id::text FROM control.migration_ledger WHERE tenant_id = ?", tenant));
            assertEquals(
                    List.of("succeeded"),
                    Database.column(
                            "SELECT status FROM control.job_tenants WHERE job_id = ?::uuid AND tenant_id = ?",
                            job,
                            tenant));
        }
        assertEquals(LATEST, version(current));
        assertEquals(List.of(), ledger(current));
        assertEquals(List.of(), Database.column(JOB_OF, current));
        List<String> allVersions = new ArrayList<>(productionVersions());
        allVersions.add(LATEST);
        assertEquals(allVersions, installedBefore(current, jobCreated));
        assertEquals(
                allVersions,
                Database.columnAsOwner(
                        "SELECT version FROM " + schemaOf(current) + ".flyway_schema_history ORDER BY installed_rank"));
    }

    /** The one job the start created for the planted tenants behind. */
    private String startJob() {
        List<String> jobs = Database.column(JOB_OF, behind.get(0));
        assertEquals(1, jobs.size(), jobs.toString());
        assertEquals(jobs, Database.column(JOB_OF, behind.get(1)));
        return jobs.get(0);
    }

    /** The versions Flyway had installed in the tenant's schema before the moment given. */
    private static List<String> installedBefore(String tenant, String moment) {
        return Database.columnAsOwner(
                "SELECT version FROM " + schemaOf(tenant) + ".flyway_schema_history"
                        + " WHERE installed_on < ?::timestamptz ORDER BY installed_rank",
                moment);
    }
}
