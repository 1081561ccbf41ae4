package dev.tenantbridge.fleet.audit;

import static dev.tenantbridge.fleet.Fleet.asOwner;
import static dev.tenantbridge.fleet.Fleet.productionVersion;
import static dev.tenantbridge.fleet.Fleet.rewindToProductionVersion;
import static dev.tenantbridge.fleet.Fleet.schemaOf;
import static dev.tenantbridge.fleet.Fleet.version;
import static dev.tenantbridge.fleet.audit.Audits.audit;
import static dev.tenantbridge.fleet.audit.Audits.findingsOf;
import static dev.tenantbridge.support.Api.activeTenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantbridge.fleet.AdditiveMigration;
import dev.tenantbridge.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(AdditiveMigration.class)
class VersionedAuditTest {

    private static final String LATEST = AdditiveMigration.LATEST;

    @Test
    void shouldCompareEachTenantWithTheShapeOfItsOwnVersion() {
        String cleanBehind = behind("clean-behind");
        String extraBehind = behind("extra-behind");
        String droppedBehind = behind("dropped-behind");
        String cleanLatest = activeTenant("clean-latest");
        String missingLatest = activeTenant("missing-latest");
        asOwner("ALTER TABLE " + schemaOf(extraBehind) + ".users ADD COLUMN nickname text");
        asOwner("DROP INDEX " + schemaOf(droppedBehind) + ".idx_products_category");
        asOwner("ALTER TABLE " + schemaOf(missingLatest) + ".users DROP COLUMN loyalty_points");

        JsonPath report = audit(List.of(cleanBehind, extraBehind, droppedBehind, cleanLatest, missingLatest));

        assertEquals(5, report.getInt("tenants_checked"));
        assertEquals(
                List.of(droppedBehind, extraBehind, missingLatest).stream()
                        .sorted()
                        .toList(),
                report.getList("tenants.tenant_id"));
        assertEquals(List.of(), findingsOf(report, cleanBehind));
        assertEquals(List.of(), findingsOf(report, cleanLatest));
        assertEquals(List.of("drift: unexpected column users.nickname text"), findingsOf(report, extraBehind));
        List<String> dropped = findingsOf(report, droppedBehind);
        assertEquals(1, dropped.size(), dropped.toString());
        assertTrue(dropped.get(0).startsWith("drift: missing index idx_products_category"), dropped.toString());
        assertEquals(
                List.of("drift: missing column users.loyalty_points integer not null default 0"),
                findingsOf(report, missingLatest));
        assertEquals(productionVersion(), version(cleanBehind));
        assertEquals(LATEST, version(cleanLatest));
        assertFalse(Database.schemaExists("bridge_audit_v" + productionVersion()));
        assertFalse(Database.roleExists("bridge_audit_v" + productionVersion()));
    }

    @Test
    void shouldReportAVersionThisBuildDoesNotKnowWithoutStoppingTheAudit() {
        String unknown = activeTenant("unknown-version");
        String clean = activeTenant("known-version");
        Database.execute("UPDATE control.tenants SET schema_version = '950' WHERE id = '" + unknown + "'");

        JsonPath report = audit(List.of(unknown, clean));

        assertEquals(2, report.getInt("tenants_checked"));
        assertEquals(List.of(unknown), report.getList("tenants.tenant_id"));
        assertEquals(
                List.of("version: schema is on version 950, which this build does not know"),
                findingsOf(report, unknown));
    }

    /** A tenant as provisioned before the additive version existed. */
    private static String behind(String prefix) {
        String tenant = activeTenant(prefix);
        rewindToProductionVersion(tenant);
        return tenant;
    }
}
