package dev.tenantbridge.observability;

import static dev.tenantbridge.support.Api.activeTenant;
import static dev.tenantbridge.support.Api.uniqueTenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantbridge.observability.TenantOperationMeter.Operation;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TenantOperationMeterTest {

    @Inject
    TenantOperationMeter operations;

    @Inject
    FleetCollector collector;

    @Test
    void shouldRecordDurationsAndFailuresOfEachTenantsOperations() {
        String acme = activeTenant("ops-acme");
        String globex = activeTenant("ops-globex");

        assertEquals("3", operations.time(Operation.MIGRATION, acme, () -> "3"));
        assertThrows(
                IllegalStateException.class,
                () -> operations.time(Operation.MIGRATION, acme, () -> {
                    throw new IllegalStateException("broken migration");
                }));
        operations.record(Operation.BACKUP, globex, Duration.ofMillis(1500), true);

        Scrape scrape = Scrape.take();
        assertEquals(1, value(scrape, "bridge_tenant_migration_seconds_count", acme, "success"));
        assertEquals(1, value(scrape, "bridge_tenant_migration_seconds_count", acme, "failure"));
        assertEquals(1, value(scrape, "bridge_tenant_backup_seconds_count", globex, "success"));
        assertEquals(1.5, value(scrape, "bridge_tenant_backup_seconds_sum", globex, "success"), 1e-9);
        assertTrue(scrape.find("bridge_tenant_migration_seconds_count", "tenant", globex)
                .isEmpty());
        assertTrue(scrape.find("bridge_tenant_backup_seconds_count", "tenant", acme)
                .isEmpty());
    }

    @Test
    void shouldRefuseToTagSomethingThatIsNoTenantId() {
        assertThrows(
                IllegalArgumentException.class,
                () -> operations.record(Operation.BACKUP, "/api/products/42", Duration.ZERO, true));
    }

    @Test
    void shouldDropATenantsSeriesOnceItLeavesTheCatalog() {
        String gone = uniqueTenant("ops-gone");
        operations.record(Operation.BACKUP, gone, Duration.ofMillis(5), true);
        assertTrue(Scrape.take().anyWithLabel("tenant", gone));

        collector.collect();

        assertFalse(Scrape.take().anyWithLabel("tenant", gone));
    }

    private static double value(Scrape scrape, String name, String tenant, String outcome) {
        return scrape.value(name, "tenant", tenant, "outcome", outcome).orElseThrow();
    }
}
