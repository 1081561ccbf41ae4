package dev.tenantbridge.control;

import static dev.tenantbridge.support.Api.as;
import static dev.tenantbridge.support.Api.provision;
import static dev.tenantbridge.support.Api.uniqueTenant;
import static dev.tenantbridge.support.Database.catalogHas;
import static dev.tenantbridge.support.Database.schemaExists;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tenantbridge.support.Database;
import dev.tenantbridge.support.Tokens;
import dev.tenantbridge.tenancy.TenantId;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(TenantLimitTest.ThreeTenants.class)
class TenantLimitTest {

    /** A cluster that holds at most three tenants. */
    public static class ThreeTenants implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tenant-bridge.max-tenants", "3");
        }
    }

    @Test
    void shouldRefuseTheTenantBeyondTheLimitAndLeaveNoTrace() {
        for (String id : Database.column("SELECT id FROM control.tenants")) {
            as(Tokens.platformAdmin()).queryParam("confirm", id).delete("/admin/tenants/" + id);
        }
        for (int i = 0; i < 3; i++) {
            provision(uniqueTenant("fill")).statusCode(201);
        }

        String extra = uniqueTenant("extra");
        provision(extra)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tenant-bridge:problem:tenant-limit-reached"));

        assertFalse(catalogHas(extra));
        assertFalse(schemaExists(new TenantId(extra).schemaName()));
    }
}
