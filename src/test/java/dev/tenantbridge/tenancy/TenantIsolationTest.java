package dev.tenantbridge.tenancy;

import static dev.tenantbridge.support.Api.activeTenant;
import static dev.tenantbridge.support.Api.as;
import static dev.tenantbridge.support.Api.createProduct;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantbridge.catalog.TenantCatalog;
import dev.tenantbridge.catalog.TenantRecord;
import dev.tenantbridge.shop.product.Product;
import dev.tenantbridge.support.Database;
import dev.tenantbridge.support.Tokens;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TenantIsolationTest {

    @Inject
    TenantCatalog catalog;

    String acme;
    String globex;

    @BeforeEach
    void provisionTwoTenants() {
        acme = activeTenant("acme");
        globex = activeTenant("globex");
    }

    @Test
    void shouldNotShowOneTenantsProductToAnother() {
        String anvil = createProduct(acme, "Anvil", "ANV-1");

        as(Tokens.user(acme)).get("/api/products").then().statusCode(200).body("items.product_id", contains(anvil));
        as(Tokens.user(globex))
                .get("/api/products")
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("total", equalTo(0));
        as(Tokens.user(globex)).get("/api/products/" + anvil).then().statusCode(404);
    }

    @Test
    void shouldLetEachTenantUseTheSameSkuInItsOwnSchema() {
        createProduct(acme, "Anvil", "SHARED-SKU");
        createProduct(globex, "Rocket", "SHARED-SKU");

        as(Tokens.user(acme)).get("/api/products").then().body("items.name", contains("Anvil"));
        as(Tokens.user(globex)).get("/api/products").then().body("items.name", contains("Rocket"));
    }

    @Test
    void shouldRefuseAQueryThatNamesAnotherTenantsSchema() throws SQLException {
        createProduct(acme, "Anvil", "ANV-1");
        TenantRecord asGlobex = catalog.find(globex).orElseThrow();

        try (Connection connection = Database.pool().getConnection()) {
            connection.setAutoCommit(false);
            TenantSession.enter(connection, asGlobex, Duration.ofSeconds(5));
            SQLException refused = assertThrows(
                    SQLException.class,
                    () -> connection
                            .createStatement()
                            .executeQuery("SELECT count(*) FROM " + schemaOf(acme) + ".products"));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
            assertTrue(refused.getMessage().contains("permission denied for schema " + schemaOf(acme)));
            connection.rollback();
        }
    }

    @Test
    void shouldReadNoTenantDataOnAConnectionThatSkippedTheTenantSetUp() throws SQLException {
        createProduct(acme, "Anvil", "ANV-1");

        try (Connection connection = Database.pool().getConnection();
                Statement statement = connection.createStatement()) {
            SQLException refused = assertThrows(
                    SQLException.class,
                    () -> statement.executeQuery("SELECT count(*) FROM " + schemaOf(acme) + ".products"));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
        }
    }

    @Test
    void shouldLeaveNoTenantSettingOnThePooledConnectionAfterTheTransaction() throws SQLException {
        TenantRecord tenant = catalog.find(acme).orElseThrow();

        try (Connection connection = Database.pool().getConnection()) {
            String loginRole = single(connection, "SELECT current_user");
            String searchPath = single(connection, "SHOW search_path");
            connection.setAutoCommit(false);
            TenantSession.enter(connection, tenant, Duration.ofSeconds(5));
            assertEquals(tenant.roleName(), single(connection, "SELECT current_user"));
            assertEquals("\"" + tenant.schemaName() + "\"", single(connection, "SHOW search_path"));
            assertEquals("5s", single(connection, "SHOW statement_timeout"));
            connection.commit();

            assertEquals(loginRole, single(connection, "SELECT current_user"));
            assertEquals(searchPath, single(connection, "SHOW search_path"));
        }
    }

    @Test
    void shouldFailLoudlyWhenTenantDataIsReadOutsideATransaction() {
        TenantRecord tenant = catalog.find(acme).orElseThrow();
        var requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            Arc.container().instance(TenantContext.class).get().enter(tenant);
            RuntimeException failure = assertThrows(RuntimeException.class, () -> Product.listAll());
            assertTrue(causeChain(failure).contains("outside a transaction"), causeChain(failure));

            long inside = QuarkusTransaction.requiringNew().call(() -> Product.count());
            assertEquals(0, inside);
        } finally {
            requestContext.terminate();
        }
    }

    @Test
    void shouldRefuseTheTenantSetUpOnAnAutocommitConnection() throws SQLException {
        TenantRecord tenant = catalog.find(acme).orElseThrow();
        try (Connection connection = Database.pool().getConnection()) {
            assertThrows(
                    IllegalStateException.class, () -> TenantSession.enter(connection, tenant, Duration.ofSeconds(5)));
        }
    }

    private static String schemaOf(String tenant) {
        return new TenantId(tenant).schemaName();
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String causeChain(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }
}
