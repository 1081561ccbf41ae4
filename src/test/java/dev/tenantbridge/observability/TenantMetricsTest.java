package dev.tenantbridge.observability;

import static dev.tenantbridge.support.Api.activeTenant;
import static dev.tenantbridge.support.Api.as;
import static dev.tenantbridge.support.Api.createProduct;
import static dev.tenantbridge.support.Api.uniqueTenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantbridge.control.TenantSchemaMigrator;
import dev.tenantbridge.support.Database;
import dev.tenantbridge.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TenantMetricsTest {

    @Inject
    FleetCollector collector;

    @Inject
    TenantSchemaMigrator migrator;

    String acme;
    String globex;

    @BeforeEach
    void provisionTwoTenants() {
        acme = activeTenant("metrics-acme");
        globex = activeTenant("metrics-globex");
    }

    @Test
    void shouldCountEachTenantsRequestsAndTransactionsUnderItsOwnTag() {
        for (int i = 0; i < 3; i++) {
            createProduct(acme, "Anvil " + i, "ANV-" + i);
        }
        as(Tokens.user(acme)).get("/api/products").then().statusCode(200);
        as(Tokens.user(acme)).get("/api/products").then().statusCode(200);
        as(Tokens.user(globex)).get("/api/products").then().statusCode(200);
        as(Tokens.user(globex)).get("/api/products/" + UUID.randomUUID()).then().statusCode(404);

        Scrape scrape = Scrape.take();

        assertEquals(5, count(scrape, "bridge_tenant_requests_seconds_count", acme, "SUCCESS"));
        assertEquals(0, count(scrape, "bridge_tenant_requests_seconds_count", acme, "CLIENT_ERROR"));
        assertEquals(1, count(scrape, "bridge_tenant_requests_seconds_count", globex, "SUCCESS"));
        assertEquals(1, count(scrape, "bridge_tenant_requests_seconds_count", globex, "CLIENT_ERROR"));
        assertEquals(5, count(scrape, "bridge_tenant_transaction_seconds_count", acme, "committed"));
        assertEquals(0, count(scrape, "bridge_tenant_transaction_seconds_count", acme, "rolled_back"));
        assertEquals(1, count(scrape, "bridge_tenant_transaction_seconds_count", globex, "committed"));
        assertEquals(1, count(scrape, "bridge_tenant_transaction_seconds_count", globex, "rolled_back"));
        assertEquals(5, tenantValue(scrape, "bridge_tenant_connection_wait_seconds_count", acme));
        assertEquals(2, tenantValue(scrape, "bridge_tenant_connection_wait_seconds_count", globex));
    }

    @Test
    void shouldCountTheStatementsOfEachTenantsTransactions() {
        createProduct(acme, "Anvil", "ANV-1");
        as(Tokens.user(acme)).get("/api/products").then().statusCode(200);
        as(Tokens.user(globex)).get("/api/products").then().statusCode(200);

        Scrape scrape = Scrape.take();

        assertEquals(2, tenantValue(scrape, "bridge_tenant_transaction_statements_count", acme));
        assertEquals(1, tenantValue(scrape, "bridge_tenant_transaction_statements_count", globex));
        double acmeStatements = tenantValue(scrape, "bridge_tenant_transaction_statements_sum", acme);
        double globexStatements = tenantValue(scrape, "bridge_tenant_transaction_statements_sum", globex);
        assertTrue(globexStatements >= 1, "a list reads at least once: " + globexStatements);
        assertEquals(globexStatements + 1, acmeStatements, "acme listed as globex did, and inserted once more");
    }

    @Test
    void shouldShowNoConnectionHeldOnceTheTrafficIsOver() {
        createProduct(acme, "Anvil", "ANV-1");
        as(Tokens.user(globex)).get("/api/products").then().statusCode(200);

        Scrape scrape = Scrape.take();

        assertEquals(0, tenantValue(scrape, "bridge_tenant_connections_held", acme));
        assertEquals(0, tenantValue(scrape, "bridge_tenant_connections_held", globex));
        assertEquals(
                20, scrape.value("bridge_pool_max", "datasource", "default").orElseThrow());
        assertTrue(scrape.has("agroal_active_count"), "the pool's own meters are published");
        assertTrue(scrape.has("agroal_awaiting_count"), "the pool's own meters are published");
    }

    @Test
    void shouldNotTagATenantTheCatalogDoesNotKnow() {
        String stranger = uniqueTenant("metrics-stranger");
        as(Tokens.user(stranger)).get("/api/products").then().statusCode(403);

        assertFalse(Scrape.take().anyWithLabel("tenant", stranger));
    }

    @Test
    void shouldReportStorageOnlyForTheSchemaThatGrew() {
        collector.collect();
        Scrape before = Scrape.take();
        for (int i = 0; i < 20; i++) {
            createProduct(acme, "Anvil " + i, "ANV-" + i);
        }

        collector.collect();
        Scrape after = Scrape.take();

        double acmeBefore = tenantValue(before, "bridge_schema_table_bytes", acme);
        double acmeAfter = tenantValue(after, "bridge_schema_table_bytes", acme);
        assertTrue(acmeAfter > acmeBefore, "acme's tables grew: " + acmeBefore + " -> " + acmeAfter);
        assertEquals(
                tenantValue(before, "bridge_schema_table_bytes", globex),
                tenantValue(after, "bridge_schema_table_bytes", globex),
                "globex's tables did not change");
        assertTrue(tenantValue(after, "bridge_schema_index_bytes", acme) > 0);
        assertEquals(
                tenantValue(after, "bridge_schema_table_bytes", acme)
                        + tenantValue(after, "bridge_schema_index_bytes", acme),
                tenantValue(after, "bridge_schema_total_bytes", acme));
        assertTrue(after.value("bridge_schema_rows", "tenant", acme).isPresent());
    }

    @Test
    void shouldCountTheFleetByStatusAndVersionAsTheCatalogHoldsIt() {
        collector.collect();
        Scrape scrape = Scrape.take();

        assertEquals(
                catalogCount("SELECT count(*) FROM control.tenants WHERE status = 'active'"),
                scrape.value("bridge_tenants", "status", "active", "cluster", "default")
                        .orElseThrow());
        assertEquals(
                catalogCount("SELECT count(*) FROM control.tenants WHERE status = 'failed'"),
                scrape.value("bridge_tenants", "status", "failed", "cluster", "default")
                        .orElseThrow());
        assertEquals(
                catalogCount("SELECT count(*) FROM control.tenants"),
                scrape.value("bridge_cluster_schemas", "cluster", "default").orElseThrow());
        String latest = migrator.latestVersion();
        assertEquals(
                catalogCount("SELECT count(*) FROM control.tenants WHERE schema_version = '" + latest + "'"),
                scrape.value("bridge_schema_version_tenants", "version", latest).orElseThrow());
        assertTrue(scrape.value("bridge_storage_collection_seconds_count").orElseThrow() >= 1);
    }

    @Test
    void shouldDropEverySeriesOfADeletedTenantAtTheNextCollection() {
        createProduct(acme, "Anvil", "ANV-1");
        collector.collect();
        assertTrue(
                Scrape.take().value("bridge_schema_total_bytes", "tenant", acme).isPresent());

        as(Tokens.platformAdmin())
                .delete("/admin/tenants/" + acme + "?confirm=" + acme)
                .then()
                .statusCode(204);
        collector.collect();

        Scrape scrape = Scrape.take();
        assertFalse(scrape.anyWithLabel("tenant", acme), "no series of the deleted tenant is left");
        assertTrue(scrape.value("bridge_schema_total_bytes", "tenant", globex).isPresent());
    }

    private static double count(Scrape scrape, String name, String tenant, String outcome) {
        return scrape.value(name, "tenant", tenant, "outcome", outcome).orElse(0);
    }

    private static double tenantValue(Scrape scrape, String name, String tenant) {
        return scrape.value(name, "tenant", tenant).orElseThrow(() -> new AssertionError(name + " of " + tenant));
    }

    private static double catalogCount(String sql) {
        return Double.parseDouble(Database.column(sql).get(0));
    }
}
