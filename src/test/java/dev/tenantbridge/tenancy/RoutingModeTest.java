package dev.tenantbridge.tenancy;

import static dev.tenantbridge.support.Api.activeTenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The two routing modes side by side on the real pool: what each sets on the connection, and what it leaves. */
@QuarkusTest
class RoutingModeTest {

    @Inject
    AgroalDataSource pool;

    @Inject
    TenantDirectory directory;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    BackendBudget budget;

    String acme;
    String globex;

    @BeforeEach
    void provisionTwoTenants() {
        acme = activeTenant("acme");
        globex = activeTenant("globex");
    }

    @Test
    void shouldDefaultToTransactionModeAndReadTheHyphenatedPeerMode() {
        assertEquals(RoutingConfig.Mode.TRANSACTION, modeFrom(Map.of()));
        assertEquals(
                RoutingConfig.Mode.SESSION_SCHEMA, modeFrom(Map.of("tenant-bridge.routing.mode", "session-schema")));
    }

    @Test
    void shouldSwitchRoleAndSchemaInTransactionMode() {
        List<String> seen = inTransaction(provider(acme, RoutingConfig.Mode.TRANSACTION));

        assertEquals(List.of(schemaOf(acme), schemaOf(acme), "5s"), seen);
        assertNotEquals(schemaOf(globex), seen.get(0));
    }

    @Test
    void shouldOnlySetTheSchemaInSessionSchemaMode() {
        String loginRole = inTransaction(connection -> single(connection, "SELECT current_user"));
        String defaultTimeout = inTransaction(connection -> single(connection, "SHOW statement_timeout"));

        List<String> seen = inTransaction(provider(globex, RoutingConfig.Mode.SESSION_SCHEMA));

        assertEquals(List.of(schemaOf(globex), loginRole, defaultTimeout), seen);
        assertNotEquals(schemaOf(acme), seen.get(0));
    }

    @ParameterizedTest
    @EnumSource(RoutingConfig.Mode.class)
    void shouldTellTheListenersOncePerTransactionInEitherMode(RoutingConfig.Mode mode) {
        List<String> heard = new CopyOnWriteArrayList<>();
        TenantConnectionProvider provider = new TenantConnectionProvider(
                acme,
                directory,
                pool,
                transactions,
                Duration.ofSeconds(5),
                List.of((id, wait) -> heard.add(id)),
                mode,
                budget);

        for (int transaction = 0; transaction < 2; transaction++) {
            QuarkusTransaction.requiringNew().run(() -> {
                checkOutAndReturn(provider);
                checkOutAndReturn(provider);
            });
        }

        assertEquals(List.of(acme, acme), heard);
        assertFalse(heard.contains(globex));
    }

    private static void checkOutAndReturn(TenantConnectionProvider provider) {
        try {
            provider.closeConnection(provider.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private TenantConnectionProvider provider(String tenant, RoutingConfig.Mode mode) {
        return new TenantConnectionProvider(
                tenant, directory, pool, transactions, Duration.ofSeconds(5), List.of(), mode, budget);
    }

    /** Inside one transaction: the connection's search path, its current user and its statement timeout. */
    private List<String> inTransaction(TenantConnectionProvider provider) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Connection connection = provider.getConnection();
            try {
                return List.of(
                        single(connection, "SHOW search_path").replace("\"", ""),
                        single(connection, "SELECT current_user"),
                        single(connection, "SHOW statement_timeout"));
            } finally {
                provider.closeConnection(connection);
            }
        });
    }

    private String inTransaction(SqlFunction query) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = pool.getConnection()) {
                return query.apply(connection);
            }
        });
    }

    private interface SqlFunction {
        String apply(Connection connection) throws SQLException;
    }

    private static RoutingConfig.Mode modeFrom(Map<String, String> properties) {
        return routingFrom(properties).mode();
    }

    /** The routing settings as the service would read them from these properties and nothing else. */
    static RoutingConfig routingFrom(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(RoutingConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build()
                .getConfigMapping(RoutingConfig.class);
    }

    static String schemaOf(String tenant) {
        return new TenantId(tenant).schemaName();
    }

    static String single(Connection connection, String sql) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
