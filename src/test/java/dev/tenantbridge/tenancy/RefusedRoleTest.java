package dev.tenantbridge.tenancy;

import static dev.tenantbridge.support.Api.activeTenant;
import static dev.tenantbridge.support.Api.as;
import static dev.tenantbridge.support.Api.createProduct;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.tenantbridge.support.Database;
import dev.tenantbridge.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * When PostgreSQL refuses an active tenant's role (as a backend with a stale list of memberships does), the
 * request gets a 503 to retry, not a 500, and no other tenant is touched. The refusal is planted by taking the
 * SET option of the login role's membership away, as the superuser of the embedded server.
 */
@QuarkusTest
class RefusedRoleTest {

    @Test
    void shouldAnswerARefusedTenantRoleWithA503ToRetryAndLeaveOtherTenantsServed() throws SQLException {
        String refused = activeTenant("refused");
        String served = activeTenant("served");
        String anvil = createProduct(served, "Anvil", "ANV-1");
        String role = new TenantId(refused).roleName();

        String grantor = grantorOf(role);
        asSuperuser("REVOKE SET OPTION FOR " + role + " FROM bridge GRANTED BY " + grantor);
        try {
            as(Tokens.user(refused))
                    .get("/api/products")
                    .then()
                    .statusCode(503)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("urn:tenant-bridge:problem:tenant-not-ready"));
            as(Tokens.user(served))
                    .get("/api/products")
                    .then()
                    .statusCode(200)
                    .body("items.product_id", contains(anvil));
        } finally {
            asSuperuser("GRANT " + role + " TO bridge WITH SET TRUE GRANTED BY " + grantor);
        }
        as(Tokens.user(refused)).get("/api/products").then().statusCode(200).body("total", equalTo(0));
    }

    /** The role that granted the tenant role to the login role when the login role created it. */
    private static String grantorOf(String role) {
        return Database.column(
                        "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.grantor"
                                + " WHERE m.roleid = ?::regrole AND m.member = 'bridge'::regrole AND m.set_option",
                        role)
                .get(0);
    }

    private static void asSuperuser(String sql) throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
