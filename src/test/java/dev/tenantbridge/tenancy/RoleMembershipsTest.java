package dev.tenantbridge.tenancy;

import static dev.tenantbridge.support.Api.activeTenant;
import static dev.tenantbridge.tenancy.RoutingModeTest.schemaOf;
import static dev.tenantbridge.tenancy.RoutingModeTest.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantbridge.support.Database;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The role change every backend is sent: made through the notifier roles, which reach no tenant data. */
@QuarkusTest
class RoleMembershipsTest {

    @Inject
    AgroalDataSource pool;

    @Test
    void shouldChangeTheNoticeRoleAndLeaveTheConnectionAsTheLoginRole() throws Exception {
        try (Connection connection = pool.getConnection()) {
            String login = single(connection, "SELECT current_user");

            RoleMemberships.touch(connection);

            assertEquals(login, single(connection, "SELECT current_user"));
            assertTrue(connection.getAutoCommit());
        }
        assertEquals(
                List.of("false"),
                Database.column("SELECT rolcanlogin::text FROM pg_roles WHERE rolname = ?", RoleMemberships.NOTICE));
    }

    @Test
    void shouldGiveTheNotifierRolesNoReachIntoTenantSchemas() {
        String acme = activeTenant("notice");
        String globex = activeTenant("notice");

        for (String role : List.of(RoleMemberships.NOTIFIER, RoleMemberships.NOTICE)) {
            for (String tenant : List.of(acme, globex)) {
                assertEquals(
                        List.of("false false"),
                        Database.column(
                                "SELECT has_schema_privilege(?, c.relnamespace, 'USAGE')::text || ' '"
                                        + " || has_table_privilege(?, c.oid, 'SELECT')::text FROM pg_class c"
                                        + " WHERE c.relnamespace = ?::regnamespace AND c.relname = 'products'",
                                role,
                                role,
                                schemaOf(tenant)),
                        role + " on " + tenant);
            }
        }
    }
}
