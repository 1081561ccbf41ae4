package dev.tenantbridge.fleet.maintenance;

import static dev.tenantbridge.fleet.Fleet.asOwner;
import static dev.tenantbridge.fleet.Fleet.awaitJob;
import static dev.tenantbridge.fleet.Fleet.schemaOf;
import static dev.tenantbridge.support.Api.activeTenant;
import static dev.tenantbridge.support.Api.as;
import static dev.tenantbridge.support.Api.createProduct;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenantbridge.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MaintenanceTest {

    @Test
    void shouldAnalyzeOneTenantOnDemandAndRecordTheRunForItAlone() {
        String tenant = activeTenant("tidy");
        String other = activeTenant("untouched");
        createProduct(tenant, "Anvil", "ANV-1");

        as(Tokens.platformAdmin())
                .post("/admin/tenants/" + tenant + "/maintenance")
                .then()
                .statusCode(200)
                .body("operation", contains("analyze", "refresh sales_summary"))
                .body("status", contains("succeeded", "succeeded"))
                .body("[0].detail", containsString("products"));

        as(Tokens.platformAdmin())
                .get("/admin/tenants/" + tenant + "/maintenance")
                .then()
                .statusCode(200)
                .body("tenant_id", contains(tenant, tenant));
        as(Tokens.platformAdmin())
                .get("/admin/tenants/" + other + "/maintenance")
                .then()
                .statusCode(200)
                .body("", empty());
    }

    @Test
    void shouldVacuumAndRefreshSalesSummaryOnlyWhereTheViewExists() {
        String withView = activeTenant("summary");
        String withoutView = activeTenant("nosummary");
        asOwner("DROP MATERIALIZED VIEW " + schemaOf(withoutView) + ".sales_summary CASCADE");

        as(Tokens.platformAdmin())
                .queryParam("vacuum", true)
                .post("/admin/tenants/" + withView + "/maintenance")
                .then()
                .statusCode(200)
                .body("operation", contains("vacuum analyze", "refresh sales_summary"))
                .body("status", contains("succeeded", "succeeded"));
        as(Tokens.platformAdmin())
                .queryParam("vacuum", true)
                .post("/admin/tenants/" + withoutView + "/maintenance")
                .then()
                .statusCode(200)
                .body("operation", contains("vacuum analyze"))
                .body("status", contains("succeeded"));
    }

    @Test
    void shouldMaintainTheFleetAsAStaggeredJob() {
        activeTenant("fleetwide");

        String job = as(Tokens.platformAdmin())
                .post("/admin/maintenance")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        assertEquals("succeeded", awaitJob(job).getString("status"));
    }

    @Test
    void shouldAdmitOnlyPlatformAdminsAndKnownTenants() {
        String tenant = activeTenant("guarded");
        RestAssured.given()
                .post("/admin/tenants/" + tenant + "/maintenance")
                .then()
                .statusCode(401);
        as(Tokens.tenantAdmin(tenant))
                .post("/admin/tenants/" + tenant + "/maintenance")
                .then()
                .statusCode(403);
        as(Tokens.tenantAdmin(tenant)).post("/admin/maintenance").then().statusCode(403);
        as(Tokens.platformAdmin())
                .post("/admin/tenants/no-such-tenant-x3/maintenance")
                .then()
                .statusCode(404)
                .body("status", equalTo(404));
    }
}
