package dev.tenantbridge.control;

import static dev.tenantbridge.support.Api.as;
import static dev.tenantbridge.support.Api.provision;
import static dev.tenantbridge.support.Api.uniqueTenant;
import static dev.tenantbridge.support.Database.catalogHas;
import static dev.tenantbridge.support.Database.roleExists;
import static dev.tenantbridge.support.Database.schemaExists;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantbridge.support.Database;
import dev.tenantbridge.support.Tokens;
import dev.tenantbridge.tenancy.TenantId;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class ProvisioningTest {

    @Test
    void shouldCreateSchemaRoleAndCatalogEntry() {
        String tenant = uniqueTenant("new");

        provision(tenant)
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/admin/tenants/" + tenant))
                .body("id", equalTo(tenant))
                .body("status", equalTo("active"))
                .body("schema_version", equalTo(latestVersion()))
                .body("schema_name", equalTo(new TenantId(tenant).schemaName()));

        String schema = new TenantId(tenant).schemaName();
        assertTrue(schemaExists(schema));
        assertTrue(roleExists(schema));
        assertEquals(
                List.of("false"), Database.column("SELECT rolcanlogin::text FROM pg_roles WHERE rolname = ?", schema));
        as(Tokens.platformAdmin()).get("/admin/tenants/" + tenant).then().statusCode(200);
        as(Tokens.platformAdmin())
                .queryParam("status", "active")
                .queryParam("size", 100)
                .get("/admin/tenants")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldReturnTheSameTenantWhenProvisionedTwice() {
        String tenant = uniqueTenant("twice");
        String created = provision(tenant).statusCode(201).extract().path("created_at");

        provision(tenant).statusCode(200).body("id", equalTo(tenant)).body("created_at", equalTo(created));
        assertEquals(List.of("1"), Database.column("SELECT count(*)::text FROM control.tenants WHERE id = ?", tenant));
    }

    @Test
    void shouldCompleteAProvisioningInterruptedAfterTheSchemaWasCreated() {
        String tenant = uniqueTenant("crashed");
        String schema = new TenantId(tenant).schemaName();
        Database.execute("INSERT INTO control.tenants (id, schema_name, status) VALUES ('" + tenant + "', '" + schema
                + "', 'provisioning')");
        Database.execute("CREATE SCHEMA " + schema + " AUTHORIZATION tenant_bridge_owner");
        as(Tokens.user(tenant)).get("/api/products").then().statusCode(403);

        provision(tenant)
                .statusCode(200)
                .body("status", equalTo("active"))
                .body("schema_version", equalTo(latestVersion()));

        as(Tokens.user(tenant)).get("/api/products").then().statusCode(200).body("total", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "x'; DROP SCHEMA control CASCADE; --",
                "a;b",
                "..",
                "../etc",
                "Acme",
                "ACME",
                "caf\u00e9",
                "\u0430cme",
                "-lead",
                "with space",
                "quote\"d",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void shouldRefuseAHostileTenantIdAndLeaveNoTrace(String id) {
        long schemasBefore = count("SELECT count(*) FROM pg_namespace");
        long rolesBefore = count("SELECT count(*) FROM pg_roles");

        provision(id)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tenant-bridge:problem:invalid-tenant-id"));

        assertFalse(catalogHas(id));
        assertEquals(schemasBefore, count("SELECT count(*) FROM pg_namespace"));
        assertEquals(rolesBefore, count("SELECT count(*) FROM pg_roles"));
        assertTrue(schemaExists("control"));
    }

    @Test
    void shouldRefuseAnIdThatMapsToASchemaAnotherTenantUses() {
        String base = uniqueTenant("clash");
        String underscored = base.replace('-', '_');
        provision(underscored).statusCode(201);

        provision(base).statusCode(409).body("type", equalTo("urn:tenant-bridge:problem:schema-conflict"));

        assertFalse(catalogHas(base));
        as(Tokens.platformAdmin()).get("/admin/tenants/" + underscored).then().body("status", equalTo("active"));
    }

    @Test
    void shouldRefuseAnIdWhoseRoleIsTheOwnerRole() {
        long rolesBefore = count("SELECT count(*) FROM pg_roles");

        provision("bridge_owner")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tenant-bridge:problem:name-taken"));

        assertFalse(catalogHas("bridge_owner"));
        assertFalse(schemaExists("tenant_bridge_owner"));
        assertEquals(rolesBefore, count("SELECT count(*) FROM pg_roles"));
    }

    @Test
    void shouldRefuseAnIdWhoseSchemaExistsOutsideTheCatalog() {
        String id = uniqueTenant("stray");
        String schema = new TenantId(id).schemaName();
        Database.execute("CREATE SCHEMA " + schema);
        try {
            provision(id).statusCode(409).body("type", equalTo("urn:tenant-bridge:problem:name-taken"));

            assertFalse(catalogHas(id));
            assertFalse(roleExists(new TenantId(id).roleName()));
            assertEquals(
                    List.of(),
                    Database.column("SELECT relname FROM pg_class WHERE relnamespace = ?::regnamespace", schema));
        } finally {
            Database.execute("DROP SCHEMA " + schema);
        }
    }

    @Test
    void shouldRefuseAMissingOrMalformedBody() {
        as(Tokens.platformAdmin()).body(Map.of()).post("/admin/tenants").then().statusCode(400);
        as(Tokens.platformAdmin())
                .body("{\"id\": 12")
                .post("/admin/tenants")
                .then()
                .statusCode(400);
    }

    @Test
    void shouldDeleteOnlyWithAnExplicitConfirmation() {
        String tenant = uniqueTenant("doomed");
        String schema = new TenantId(tenant).schemaName();
        provision(tenant).statusCode(201);

        as(Tokens.platformAdmin()).delete("/admin/tenants/" + tenant).then().statusCode(428);
        as(Tokens.platformAdmin())
                .queryParam("confirm", "something-else")
                .delete("/admin/tenants/" + tenant)
                .then()
                .statusCode(428);
        assertTrue(schemaExists(schema));

        as(Tokens.platformAdmin())
                .queryParam("confirm", tenant)
                .delete("/admin/tenants/" + tenant)
                .then()
                .statusCode(204);

        assertFalse(schemaExists(schema));
        assertFalse(roleExists(schema));
        assertFalse(catalogHas(tenant));
        as(Tokens.user(tenant)).get("/api/products").then().statusCode(403);
        as(Tokens.platformAdmin()).get("/admin/tenants/" + tenant).then().statusCode(404);
    }

    @Test
    void shouldRefuseToSuspendOrResumeATenantThatIsStillProvisioning() {
        String tenant = uniqueTenant("unfinished");
        Database.execute("INSERT INTO control.tenants (id, schema_name, status) VALUES ('" + tenant + "', '"
                + new TenantId(tenant).schemaName() + "', 'provisioning')");

        for (String action : List.of("suspend", "resume")) {
            as(Tokens.platformAdmin())
                    .post("/admin/tenants/" + tenant + "/" + action)
                    .then()
                    .statusCode(409)
                    .body("type", equalTo("urn:tenant-bridge:problem:illegal-transition"));
        }
        as(Tokens.platformAdmin())
                .queryParam("status", "provisioning")
                .get("/admin/tenants")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(tenant))
                .body("items.status", everyItem(equalTo("provisioning")));
    }

    private static long count(String sql) {
        return Long.parseLong(Database.column(sql).get(0));
    }

    /** The newest tenant migration of this build, which a freshly provisioned schema is on. */
    private static String latestVersion() {
        return io.quarkus.arc.Arc.container()
                .instance(TenantSchemaMigrator.class)
                .get()
                .latestVersion();
    }
}
