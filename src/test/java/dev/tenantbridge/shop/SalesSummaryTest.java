package dev.tenantbridge.shop;

import static dev.tenantbridge.support.Api.activeTenant;
import static dev.tenantbridge.support.Api.as;
import static dev.tenantbridge.support.Api.assertNeedsTenantAdmin;
import static dev.tenantbridge.support.Api.assertNeedsUser;
import static dev.tenantbridge.support.Api.createProduct;
import static dev.tenantbridge.support.Api.createUser;
import static dev.tenantbridge.support.Api.order;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantbridge.catalog.TenantCatalog;
import dev.tenantbridge.support.Database;
import dev.tenantbridge.support.Tokens;
import dev.tenantbridge.tenancy.TenantId;
import dev.tenantbridge.tenancy.TenantSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SalesSummaryTest {

    @Inject
    TenantCatalog catalog;

    String tenant;
    String other;
    String user;
    String anvil;

    @BeforeEach
    void provision() {
        tenant = activeTenant("sales");
        other = activeTenant("rival");
        user = createUser(tenant, "buyer@example.com");
        anvil = createProduct(tenant, "Anvil", "ANV-1", "10.50", 20);
    }

    @Test
    void shouldMatchTheOrdersAfterARefreshLeavingCancelledOrdersOut() {
        order(tenant, user, Map.of(anvil, 1)).statusCode(201);
        order(tenant, user, Map.of(anvil, 3)).statusCode(201);
        String cancelled =
                order(tenant, user, Map.of(anvil, 2)).statusCode(201).extract().path("order_id");
        as(Tokens.tenantAdmin(tenant))
                .body(Map.of("status", "cancelled"))
                .patch("/api/orders/" + cancelled)
                .then()
                .statusCode(200);
        as(Tokens.user(tenant))
                .get("/api/reports/sales-summary")
                .then()
                .statusCode(200)
                .body("days", empty());

        as(Tokens.tenantAdmin(tenant))
                .post("/api/reports/sales-summary/refresh")
                .then()
                .statusCode(200)
                .body("refreshed_at", notNullValue());

        String today = LocalDate.now().toString();
        var days = as(Tokens.user(tenant))
                .queryParam("from", today)
                .queryParam("to", today)
                .get("/api/reports/sales-summary")
                .then()
                .statusCode(200)
                .body("days", hasSize(1))
                .body("days[0].date", equalTo(today))
                .body("days[0].order_count", equalTo(2))
                .extract()
                .jsonPath();
        BigDecimal reported = new BigDecimal(days.getString("days[0].total_sales"));
        assertEquals(0, new BigDecimal("42.00").compareTo(reported), reported::toString);
        assertEquals(0, sumOfOrders(tenant).compareTo(reported), reported::toString);
        as(Tokens.user(tenant))
                .queryParam("to", LocalDate.now().minusDays(1).toString())
                .get("/api/reports/sales-summary")
                .then()
                .body("days", empty());
        as(Tokens.user(other))
                .get("/api/reports/sales-summary")
                .then()
                .statusCode(200)
                .body("days", empty());
    }

    @Test
    void shouldRefuseBadDatesAndUnknownParameters() {
        as(Tokens.user(tenant))
                .queryParam("from", "2026-02-30")
                .queryParam("to", "yesterday")
                .queryParam("page", 1)
                .get("/api/reports/sales-summary")
                .then()
                .statusCode(400)
                .body("violations.field", contains("page", "from", "to"));
        as(Tokens.user(tenant))
                .queryParam("from", "2026-02-02")
                .queryParam("to", "2026-02-01")
                .get("/api/reports/sales-summary")
                .then()
                .statusCode(400)
                .body("violations.field", contains("to"));
    }

    @Test
    void shouldAskForTheRightRoleOnTheReportEndpoints() {
        assertNeedsUser(tenant, "/api/reports/sales-summary");
        assertNeedsTenantAdmin(tenant, "POST", "/api/reports/sales-summary/refresh", Map.of());
    }

    @Test
    void shouldLetTheTenantRoleReadAndRefreshItsReportOnlyThroughTheOwnersFunction() throws SQLException {
        String schema = new TenantId(tenant).schemaName();
        String role = schema;
        String otherRole = new TenantId(other).schemaName();

        assertEquals("t", privilege("has_table_privilege(?, ?, 'SELECT')", role, schema + ".sales_summary"));
        assertEquals("f", privilege("has_table_privilege(?, ?, 'TRUNCATE')", role, schema + ".sales_summary"));
        assertEquals(
                "t", privilege("has_function_privilege(?, ?, 'EXECUTE')", role, schema + ".refresh_sales_summary()"));
        assertEquals(
                "f",
                privilege("has_function_privilege(?, ?, 'EXECUTE')", otherRole, schema + ".refresh_sales_summary()"));
        assertEquals("t", privilege("has_table_privilege(?, ?, 'INSERT')", role, schema + ".idempotency_keys"));

        try (Connection connection = Database.pool().getConnection()) {
            connection.setAutoCommit(false);
            TenantSession.enter(connection, catalog.find(tenant).orElseThrow(), Duration.ofSeconds(5));
            SQLException refused = assertThrows(
                    SQLException.class,
                    () -> connection.createStatement().execute("REFRESH MATERIALIZED VIEW sales_summary"));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
            connection.rollback();
            TenantSession.enter(connection, catalog.find(tenant).orElseThrow(), Duration.ofSeconds(5));
            assertTrue(connection.createStatement().execute("SELECT refresh_sales_summary()"));
            connection.rollback();
        }
    }

    private static String privilege(String check, String role, String object) {
        return Database.columnAsOwner("SELECT " + check, role, object).get(0);
    }

    private static BigDecimal sumOfOrders(String tenant) {
        String schema = dev.tenantbridge.common.Sql.quote(new TenantId(tenant).schemaName());
        return new BigDecimal(Database.columnAsOwner(
                        "SELECT sum(total_amount) FROM " + schema + ".orders WHERE status <> 'cancelled'")
                .get(0));
    }
}
