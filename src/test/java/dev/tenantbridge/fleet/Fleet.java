package dev.tenantbridge.fleet;

import static dev.tenantbridge.support.Api.as;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tenantbridge.support.Database;
import dev.tenantbridge.support.Tokens;
import dev.tenantbridge.tenancy.TenantId;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/** Test helpers for fleet operations. */
public final class Fleet {

    private Fleet() {}

    public static String schemaOf(String tenant) {
        return new TenantId(tenant).schemaName();
    }

    /**
     * Turns a tenant provisioned at version 900 back into one provisioned before version 900 existed: the column
     * gone, the history row and ledger entry gone, the catalog on production's latest version.
     */
    public static void rewindToProductionVersion(String tenant) {
        String schema = schemaOf(tenant);
        asOwner("ALTER TABLE " + schema + ".users DROP COLUMN loyalty_points");
        asOwner("DELETE FROM " + schema + ".flyway_schema_history WHERE version = '900'");
        Database.execute("DELETE FROM control.migration_ledger WHERE version = '900' AND tenant_id = '" + tenant + "'");
        Database.execute("UPDATE control.tenants SET schema_version = '" + productionVersion() + "' WHERE id = '"
                + tenant + "'");
    }

    /** The newest version among production's tenant migrations, the one below the test's additive version. */
    public static String productionVersion() {
        List<String> versions = productionVersions();
        return versions.get(versions.size() - 1);
    }

    /** Production's tenant migration versions, oldest first. */
    public static List<String> productionVersions() {
        MigrationInfo[] known = Flyway.configure()
                .dataSource(Database.pool())
                .schemas("tenant_bridge_no_such_schema")
                .locations("classpath:db/tenant")
                .load()
                .info()
                .all();
        return Stream.of(known).map(m -> m.getVersion().getVersion()).toList();
    }

    /** The {@link #ledger} of a tenant provisioned on production's versions, followed by {@code later} entries. */
    public static List<String> provisionedThen(String... later) {
        List<String> entries = new ArrayList<>();
        productionVersions().forEach(version -> entries.add(version + " succeeded 1"));
        entries.addAll(List.of(later));
        return entries;
    }

    /** Runs DDL as the owner of the tenant schemas, the way an operator altering a schema by hand would. */
    public static void asOwner(String sql) {
        Database.execute("DO $$ BEGIN PERFORM set_config('role', 'tenant_bridge_owner', true); EXECUTE " + literal(sql)
                + "; END $$");
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Polls the job until it has ended (at most two minutes) and returns its last view. */
    public static JsonPath awaitJob(String id) {
        return awaitJob(id, Duration.ofMinutes(2));
    }

    /** Polls the job until it has ended and returns its last view; fails once {@code patience} has passed. */
    public static JsonPath awaitJob(String id, Duration patience) {
        long deadline = System.currentTimeMillis() + patience.toMillis();
        while (System.currentTimeMillis() < deadline) {
            JsonPath job = as(Tokens.platformAdmin())
                    .get("/admin/jobs/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (!"running".equals(job.getString("status"))) {
                return job;
            }
            sleep();
        }
        return fail("Job " + id + " did not end");
    }

    public static String version(String tenant) {
        return Database.column("SELECT schema_version FROM control.tenants WHERE id = ?", tenant)
                .get(0);
    }

    public static String status(String tenant) {
        return Database.column("SELECT status FROM control.tenants WHERE id = ?", tenant)
                .get(0);
    }

    public static boolean hasLoyaltyColumn(String tenant) {
        return !Database.columnAsOwner(
                        "SELECT 1 FROM information_schema.columns WHERE table_schema = ? AND table_name = 'users'"
                                + " AND column_name = 'loyalty_points'",
                        schemaOf(tenant))
                .isEmpty();
    }

    public static List<String> ledger(String tenant) {
        return Database.column(
                "SELECT version || ' ' || status || ' ' || attempts FROM control.migration_ledger WHERE tenant_id = ?"
                        + " ORDER BY version",
                tenant);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
