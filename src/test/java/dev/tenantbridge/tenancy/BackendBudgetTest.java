package dev.tenantbridge.tenancy;

import static dev.tenantbridge.support.Api.activeTenant;
import static dev.tenantbridge.tenancy.RoutingModeTest.routingFrom;
import static dev.tenantbridge.tenancy.RoutingModeTest.schemaOf;
import static dev.tenantbridge.tenancy.RoutingModeTest.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantbridge.support.Database;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The pool policy that bounds backend memory: no pooled backend serves more distinct schemas than allowed. */
@QuarkusTest
class BackendBudgetTest {

    private static final int MAX_SCHEMAS = 3;

    @Inject
    AgroalDataSource pool;

    @Inject
    TenantDirectory directory;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Test
    void shouldRetireAPooledBackendOnceItHasEnteredTheMostSchemasAllowed() throws Exception {
        List<String> tenants =
                IntStream.range(0, 5).mapToObj(i -> activeTenant("budget")).toList();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BackendBudget budget = new BackendBudget(
                routingFrom(Map.of("tenant-bridge.routing.max-schemas-per-connection", Integer.toString(MAX_SCHEMAS))),
                registry);

        Map<Integer, Set<String>> schemasByBackend = new HashMap<>();
        for (int round = 0; round < 4; round++) {
            for (String tenant : tenants) {
                List<String> seen = inTransaction(provider(tenant, budget));
                assertEquals(schemaOf(tenant), seen.get(1), "search path of a transaction for " + tenant);
                tenants.stream()
                        .filter(other -> !other.equals(tenant))
                        .forEach(other -> assertNotEquals(schemaOf(other), seen.get(1)));
                schemasByBackend
                        .computeIfAbsent(Integer.valueOf(seen.get(0)), pid -> new HashSet<>())
                        .add(seen.get(1));
            }
        }

        schemasByBackend.forEach((pid, schemas) ->
                assertTrue(schemas.size() <= MAX_SCHEMAS, "backend " + pid + " entered " + schemas + " schemas"));
        List<Integer> full = new ArrayList<>();
        schemasByBackend.forEach((pid, schemas) -> {
            if (schemas.size() == MAX_SCHEMAS) {
                full.add(pid);
            }
        });
        assertFalse(full.isEmpty(), "No backend reached the bound: " + schemasByBackend);
        assertTrue(registry.get(BackendBudget.RETIRED).counter().count() >= full.size());
        for (Integer pid : full) {
            awaitGone(pid);
        }
    }

    /** Waits until the backend has gone from the server: the pool closed its connection. */
    private static void awaitGone(int pid) throws InterruptedException {
        String alive = "SELECT count(*)::text FROM pg_stat_activity WHERE pid = ?::int";
        long deadline = System.currentTimeMillis() + 30_000;
        while (!Database.column(alive, Integer.toString(pid)).equals(List.of("0"))) {
            assertTrue(System.currentTimeMillis() < deadline, "Backend " + pid + " is still connected");
            Thread.sleep(50);
        }
    }

    @Test
    void shouldCountABuildOfASchemaAsManySchemasEntered() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        int bound = 2 * BackendBudget.BUILD_WEIGHT;
        BackendBudget budget = new BackendBudget(
                routingFrom(Map.of("tenant-bridge.routing.max-schemas-per-connection", Integer.toString(bound))),
                registry);

        int pid;
        try (Connection connection = pool.getConnection()) {
            pid = Integer.parseInt(single(connection, "SELECT pg_backend_pid()::text"));
            budget.built(connection, "tenant_built_1");
            assertEquals(0.0, registry.get(BackendBudget.RETIRED).counter().count());
            budget.built(connection, "tenant_built_2");
            assertEquals(1.0, registry.get(BackendBudget.RETIRED).counter().count());
        }

        awaitGone(pid);
    }

    @Test
    void shouldNotRetireWhenTheBoundIsOff() throws Exception {
        String tenant = activeTenant("budget");
        String other = activeTenant("budget");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BackendBudget budget = new BackendBudget(
                routingFrom(Map.of("tenant-bridge.routing.max-schemas-per-connection", "0")), registry);

        for (int i = 0; i < 3; i++) {
            assertEquals(
                    schemaOf(tenant), inTransaction(provider(tenant, budget)).get(1));
            assertEquals(schemaOf(other), inTransaction(provider(other, budget)).get(1));
        }

        assertEquals(0.0, registry.get(BackendBudget.RETIRED).counter().count());
    }

    @Test
    void shouldDefaultToAThousandSchemasAndRefuseANegativeBound() {
        assertEquals(1000, routingFrom(Map.of()).maxSchemasPerConnection());
        assertThrows(
                IllegalArgumentException.class,
                () -> new BackendBudget(
                        routingFrom(Map.of("tenant-bridge.routing.max-schemas-per-connection", "-1")),
                        new SimpleMeterRegistry()));
    }

    private TenantConnectionProvider provider(String tenant, BackendBudget budget) {
        return new TenantConnectionProvider(
                tenant,
                directory,
                pool,
                transactions,
                Duration.ofSeconds(5),
                List.of(),
                RoutingConfig.Mode.TRANSACTION,
                budget);
    }

    /** One transaction of the tenant: the backend pid that served it and its search path. */
    private static List<String> inTransaction(TenantConnectionProvider provider) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Connection connection = provider.getConnection();
            try {
                return List.of(
                        single(connection, "SELECT pg_backend_pid()::text"),
                        single(connection, "SHOW search_path").replace("\"", ""));
            } finally {
                provider.closeConnection(connection);
            }
        });
    }
}
