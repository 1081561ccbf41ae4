package dev.tenantbridge.fleet.audit;

import static dev.tenantbridge.fleet.Fleet.asOwner;
import static dev.tenantbridge.fleet.Fleet.schemaOf;
import static dev.tenantbridge.fleet.audit.Audits.audit;
import static dev.tenantbridge.fleet.audit.Audits.findingsOf;
import static dev.tenantbridge.support.Api.activeTenant;
import static dev.tenantbridge.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantbridge.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FleetAuditTest {

    @Test
    void shouldReportEachPlantedDefectOnItsTenantAndNothingOnCleanTenants() {
        String clean = activeTenant("clean");
        String publicGrant = activeTenant("public");
        String sharing = activeTenant("sharing");
        String neighbour = activeTenant("neighbour");
        String droppedIndex = activeTenant("dropped");
        String extraColumn = activeTenant("extra");
        asOwner("GRANT SELECT ON " + schemaOf(publicGrant) + ".products TO PUBLIC");
        asOwner("GRANT USAGE ON SCHEMA " + schemaOf(sharing) + " TO " + schemaOf(neighbour));
        asOwner("DROP INDEX " + schemaOf(droppedIndex) + ".idx_products_category");
        asOwner("ALTER TABLE " + schemaOf(extraColumn) + ".users ADD COLUMN nickname text");

        JsonPath report = audit(List.of(clean, publicGrant, sharing, neighbour, droppedIndex, extraColumn));

        assertEquals(6, report.getInt("tenants_checked"));
        assertEquals(
                List.of(droppedIndex, extraColumn, neighbour, publicGrant, sharing).stream()
                        .sorted()
                        .toList(),
                report.getList("tenants.tenant_id"));
        assertEquals(List.of("privilege: PUBLIC has SELECT on relation products"), findingsOf(report, publicGrant));
        assertEquals(
                List.of("privilege: another tenant's role " + schemaOf(neighbour) + " has USAGE on schema "
                        + schemaOf(sharing)),
                findingsOf(report, sharing));
        assertEquals(
                List.of("reach: tenant role " + schemaOf(neighbour) + " can use schema " + schemaOf(sharing)),
                findingsOf(report, neighbour));
        List<String> dropped = findingsOf(report, droppedIndex);
        assertEquals(1, dropped.size(), dropped.toString());
        assertTrue(dropped.get(0).startsWith("drift: missing index idx_products_category"), dropped.toString());
        List<String> extra = findingsOf(report, extraColumn);
        assertEquals(List.of("drift: unexpected column users.nickname text"), extra);
        RestAssured.given()
                .get("/q/metrics")
                .then()
                .body(org.hamcrest.Matchers.containsString("tenant_audit_findings_total{category=\"drift\"}"));
    }

    @Test
    void shouldAdmitOnlyPlatformAdmins() {
        String tenant = activeTenant("audited");
        RestAssured.given()
                .contentType("application/json")
                .body(Map.of())
                .post("/admin/audit")
                .then()
                .statusCode(401);
        as(Tokens.tenantAdmin(tenant))
                .body(Map.of())
                .post("/admin/audit")
                .then()
                .statusCode(403);
        as(Tokens.user(tenant)).get("/admin/audit/" + UUID.randomUUID()).then().statusCode(403);
        as(Tokens.platformAdmin())
                .get("/admin/audit/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        as(Tokens.platformAdmin())
                .body(Map.of("tenants", List.of("no-such-tenant-x2")))
                .post("/admin/audit")
                .then()
                .statusCode(400);
    }
}
