package dev.tenantbridge.fleet.migration;

import static dev.tenantbridge.fleet.Fleet.asOwner;
import static dev.tenantbridge.fleet.Fleet.awaitJob;
import static dev.tenantbridge.fleet.Fleet.hasLoyaltyColumn;
import static dev.tenantbridge.fleet.Fleet.ledger;
import static dev.tenantbridge.fleet.Fleet.productionVersion;
import static dev.tenantbridge.fleet.Fleet.provisionedThen;
import static dev.tenantbridge.fleet.Fleet.rewindToProductionVersion;
import static dev.tenantbridge.fleet.Fleet.schemaOf;
import static dev.tenantbridge.fleet.Fleet.status;
import static dev.tenantbridge.fleet.Fleet.version;
import static dev.tenantbridge.support.Api.activeTenant;
import static dev.tenantbridge.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantbridge.control.SchemaLock;
import dev.tenantbridge.fleet.AdditiveMigration;
import dev.tenantbridge.fleet.Fleet;
import dev.tenantbridge.fleet.job.JobStore;
import dev.tenantbridge.support.Database;
import dev.tenantbridge.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(AdditiveMigration.class)
class FleetMigrationTest {

    private static final String LATEST = AdditiveMigration.LATEST;

    @Inject
    FleetMigration fleet;

    @Inject
    TenantMigration migration;

    @Inject
    JobStore jobs;

    @Test
    void shouldMigrateTheNamedTenantsAndRecordEachInTheLedger() {
        List<String> tenants = tenantsBehindByOneVersion(3);

        JsonPath job = awaitJob(startMigration(Map.of("tenants", tenants)));

        assertEquals("succeeded", job.getString("status"));
        assertEquals(3, job.getInt("total"));
        assertEquals(3, job.getInt("done"));
        assertEquals(0, job.getInt("remaining"));
        for (String tenant : tenants) {
            assertEquals(LATEST, version(tenant));
            assertTrue(hasLoyaltyColumn(tenant));
            assertEquals(provisionedThen(LATEST + " succeeded 1"), ledger(tenant));
        }
        as(Tokens.platformAdmin())
                .get("/admin/tenants/" + tenants.get(0) + "/migrations")
                .then()
                .statusCode(200)
                .body("find { it.version == '" + LATEST + "' }.status", equalTo("succeeded"))
                .body("find { it.version == '" + LATEST + "' }.duration_ms", org.hamcrest.Matchers.notNullValue());
        io.restassured.RestAssured.given()
                .get("/q/metrics")
                .then()
                .body(containsString("tenant_migration_seconds_count{status=\"succeeded\"}"));
    }

    @Test
    void shouldRecordTheFailureOfAHandAlteredTenantWhileTheOthersMigrateAndFinishAfterRepair() {
        List<String> tenants = tenantsBehindByOneVersion(3);
        String altered = tenants.get(1);
        asOwner("ALTER TABLE " + schemaOf(altered) + ".users ADD COLUMN loyalty_points text");

        JsonPath job = awaitJob(startMigration(Map.of("tenants", tenants)));

        assertEquals("failed", job.getString("status"));
        assertEquals(2, job.getInt("done"));
        assertEquals(1, job.getInt("failed"));
        assertEquals(altered, job.getString("failures[0].tenant_id"));
        assertTrue(job.getString("failures[0].error").contains("loyalty_points"));
        assertEquals(LATEST, version(tenants.get(0)));
        assertEquals(LATEST, version(tenants.get(2)));
        assertEquals(productionVersion(), version(altered));
        assertEquals("failed", status(altered));
        assertEquals(provisionedThen(LATEST + " failed 1"), ledger(altered));
        as(Tokens.platformAdmin())
                .get("/admin/tenants/" + altered)
                .then()
                .body("status", equalTo("failed"))
                .body("last_error", containsString("loyalty_points"));
        as(Tokens.user(altered)).get("/api/products").then().statusCode(403);
        as(Tokens.user(tenants.get(0))).get("/api/products").then().statusCode(200);

        asOwner("ALTER TABLE " + schemaOf(altered) + ".users DROP COLUMN loyalty_points");
        JsonPath rerun = awaitJob(startMigration(Map.of("tenants", tenants)));

        assertEquals("succeeded", rerun.getString("status"));
        assertEquals(1, rerun.getInt("total"));
        assertEquals(LATEST, version(altered));
        assertEquals("active", status(altered));
        assertEquals(provisionedThen(LATEST + " succeeded 2"), ledger(altered));
        assertEquals(provisionedThen(LATEST + " succeeded 1"), ledger(tenants.get(0)));
        as(Tokens.user(altered)).get("/api/products").then().statusCode(200);
    }

    @Test
    void shouldTouchNoSchemaWhenEveryNamedTenantIsCurrent() throws Exception {
        List<String> tenants = List.of(activeTenant("current"), activeTenant("current"));
        List<List<String>> ledgersBefore = tenants.stream().map(Fleet::ledger).toList();

        try (Connection blocker = Database.pool().getConnection();
                Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            statement.execute("SET LOCAL ROLE tenant_bridge_owner");
            for (String tenant : tenants) {
                statement.execute("LOCK TABLE " + schemaOf(tenant) + ".flyway_schema_history IN ACCESS EXCLUSIVE MODE");
                statement.execute("LOCK TABLE " + schemaOf(tenant) + ".users IN ACCESS EXCLUSIVE MODE");
            }

            JsonPath job = awaitJob(startMigration(Map.of("tenants", tenants)));

            assertEquals("succeeded", job.getString("status"));
            assertEquals(0, job.getInt("total"));
            blocker.rollback();
        }
        assertEquals(ledgersBefore, tenants.stream().map(Fleet::ledger).toList());
        assertEquals(provisionedThen(LATEST + " succeeded 1"), ledger(tenants.get(0)));
    }

    @Test
    void shouldContinueAnInterruptedRunWithoutRedoingWhatItFinished() throws Exception {
        List<String> tenants = tenantsBehindByOneVersion(3);
        UUID job = fleet.plan(new FleetMigration.Request(tenants, null, null), fleet.settings(null));
        String first = jobs.pending(job).get(0).tenantId();
        assertTrue(migration.migrate(first, job));
        jobs.finishTenant(job, first, "succeeded", null);

        try (Connection otherReplica = Database.pool().getConnection()) {
            assertTrue(jobs.tryClaim(otherReplica, job));
            fleet.resumeInterrupted();
            assertEquals(1, countOnLatest(tenants));
            otherReplica.createStatement().execute("SELECT pg_advisory_unlock_all()");
        }
        fleet.resumeInterrupted();

        JsonPath done = awaitJob(job.toString());
        assertEquals("succeeded", done.getString("status"));
        assertEquals(3, done.getInt("done"));
        assertEquals(3, countOnLatest(tenants));
        for (String tenant : tenants) {
            assertEquals(provisionedThen(LATEST + " succeeded 1"), ledger(tenant));
        }
    }

    @Test
    void shouldLeaveASchemaAloneWhileAnotherReplicaHoldsItsLockAndMigrateItOnceReleased() throws Exception {
        String tenant = tenantsBehindByOneVersion(1).get(0);

        String job;
        try (Connection otherReplica = Database.pool().getConnection()) {
            SchemaLock.lock(otherReplica, schemaOf(tenant));
            job = startMigration(Map.of("tenants", List.of(tenant)));
            awaitWaiterOnSchemaLock(schemaOf(tenant));

            assertEquals("running", jobView(job).getString("status"));
            assertEquals(productionVersion(), version(tenant));
            assertFalse(hasLoyaltyColumn(tenant));
            SchemaLock.unlock(otherReplica, schemaOf(tenant));
        }

        JsonPath done = awaitJob(job);
        assertEquals("succeeded", done.getString("status"));
        assertEquals(LATEST, version(tenant));
        assertTrue(hasLoyaltyColumn(tenant));
        assertEquals(provisionedThen(LATEST + " succeeded 1"), ledger(tenant));
    }

    /** Waits until some connection is queued behind the schema's advisory lock. */
    private static void awaitWaiterOnSchemaLock(String schema) throws InterruptedException {
        String waiting = "SELECT count(*)::text FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                + " AND classid = ?::oid AND objid = hashtext(?)::oid AND objsubid = 2";
        long deadline = System.currentTimeMillis() + 60_000;
        while (Database.column(waiting, Integer.toString(SchemaLock.LOCK_SPACE), schema)
                .get(0)
                .equals("0")) {
            assertTrue(System.currentTimeMillis() < deadline, "No migration queued behind the lock of " + schema);
            Thread.sleep(50);
        }
    }

    private static JsonPath jobView(String id) {
        return as(Tokens.platformAdmin())
                .get("/admin/jobs/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void shouldStopWhenACanaryFailsAndLeaveTheRestUntouched() {
        List<String> tenants = tenantsBehindByOneVersion(3);
        String canary = tenants.get(2);
        asOwner("ALTER TABLE " + schemaOf(canary) + ".users ADD COLUMN loyalty_points text");

        JsonPath job = awaitJob(startMigration(Map.of("tenants", tenants, "canaries", List.of(canary))));

        assertEquals("stopped", job.getString("status"));
        assertTrue(job.getString("error").contains(canary), job.getString("error"));
        assertEquals(1, job.getInt("failed"));
        assertEquals(2, job.getInt("remaining"));
        assertEquals(productionVersion(), version(tenants.get(0)));
        assertEquals(productionVersion(), version(tenants.get(1)));
        assertFalse(hasLoyaltyColumn(tenants.get(0)));
    }

    @Test
    void shouldStopOnceFailuresPassTheThreshold() {
        List<String> tenants = tenantsBehindByOneVersion(2);
        for (String tenant : tenants) {
            asOwner("ALTER TABLE " + schemaOf(tenant) + ".users ADD COLUMN loyalty_points text");
        }

        JsonPath job = awaitJob(startMigration(Map.of("tenants", tenants, "failure_threshold", 0)));

        assertEquals("stopped", job.getString("status"));
        assertTrue(job.getString("error").contains("threshold 0"), job.getString("error"));
    }

    @Test
    void shouldRefuseAnInvalidRequestAndStartNothing() {
        int jobsBefore = countJobs();

        as(Tokens.platformAdmin())
                .body(Map.of("tenants", List.of("no-such-tenant-x1", "Bad Id"), "failure_threshold", -1))
                .post("/admin/migrations")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("failure_threshold"))
                .body("violations.message", hasItem(containsString("Bad Id")));
        as(Tokens.platformAdmin())
                .body(Map.of("tenants", List.of("no-such-tenant-x1")))
                .post("/admin/migrations")
                .then()
                .statusCode(400)
                .body("violations[0].message", containsString("no such tenant"));

        assertEquals(jobsBefore, countJobs());
    }

    @Test
    void shouldAdmitOnlyPlatformAdmins() {
        String tenant = activeTenant("guarded");
        io.restassured.RestAssured.given()
                .contentType("application/json")
                .body(Map.of())
                .post("/admin/migrations")
                .then()
                .statusCode(401);
        as(Tokens.tenantAdmin(tenant))
                .body(Map.of())
                .post("/admin/migrations")
                .then()
                .statusCode(403);
        io.restassured.RestAssured.given().get("/admin/jobs").then().statusCode(401);
        as(Tokens.tenantAdmin(tenant))
                .get("/admin/jobs/" + UUID.randomUUID())
                .then()
                .statusCode(403);
        as(Tokens.user(tenant))
                .get("/admin/tenants/" + tenant + "/migrations")
                .then()
                .statusCode(403);
        as(Tokens.platformAdmin())
                .get("/admin/jobs/" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    private static List<String> tenantsBehindByOneVersion(int count) {
        List<String> tenants = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String tenant = activeTenant("fleet");
            rewindToProductionVersion(tenant);
            tenants.add(tenant);
        }
        return tenants;
    }

    private static String startMigration(Map<String, ?> body) {
        String id = as(Tokens.platformAdmin())
                .body(body)
                .post("/admin/migrations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        assertNotNull(id);
        return id;
    }

    private static long countOnLatest(List<String> tenants) {
        return tenants.stream().filter(t -> LATEST.equals(version(t))).count();
    }

    private static int countJobs() {
        return Integer.parseInt(
                Database.column("SELECT count(*)::text FROM control.jobs").get(0));
    }
}
