package dev.tenantbridge.fleet.migration;

import dev.tenantbridge.control.Roles;
import dev.tenantbridge.control.TenantSchemaGrants;
import dev.tenantbridge.local.TestDatabase;
import dev.tenantbridge.tenancy.TenantId;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * Plants tenants in the database before the application starts, as an earlier release would have left them: two
 * on production's latest tenant version, and one already on the additive test version. It builds them the way
 * provisioning does (role, schema owned by the owner role, grants, Flyway as the owner, an active catalog entry),
 * with plain JDBC, since no application runs yet. The planted ids are handed to the test as configuration.
 */
public class TenantsBehindAtStart implements QuarkusTestResourceLifecycleManager {

    static final String BEHIND_KEY = "fleet-test.behind-at-start";
    static final String CURRENT_KEY = "fleet-test.current-at-start";
    private static final String OWNER = "tenant_bridge_owner";
    private static final String PRODUCTION = "classpath:db/tenant";
    private static final String ADDITIVE = "classpath:db/tenant-fleet-test";

    @Override
    public Map<String, String> start() {
        Map<String, String> database = TestDatabase.settings();
        String url = database.get("quarkus.datasource.jdbc.url");
        String user = database.get("quarkus.datasource.username");
        String password = database.get("quarkus.datasource.password");
        Flyway.configure()
                .dataSource(url, user, password)
                .schemas("control")
                .locations("classpath:db/control")
                .load()
                .migrate();
        List<String> behind = List.of(newId("behind"), newId("behind"));
        String current = newId("current");
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            Roles.ensure(connection, OWNER);
            for (String tenant : behind) {
                plant(connection, url, user, password, tenant, PRODUCTION);
            }
            plant(connection, url, user, password, current, PRODUCTION, ADDITIVE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not plant the tenants behind", e);
        }
        return Map.of(BEHIND_KEY, String.join(",", behind), CURRENT_KEY, current);
    }

    @Override
    public void stop() {}

    private static String newId(String prefix) {
        return "atstart-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void plant(
            Connection connection, String url, String user, String password, String tenant, String... locations)
            throws SQLException {
        TenantId id = new TenantId(tenant);
        Roles.ensure(connection, id.roleName());
        try (Statement statement = connection.createStatement()) {
            statement.execute(TenantSchemaGrants.createSchema(id, OWNER));
            asOwner(statement, TenantSchemaGrants.beforeMigrations(id));
        }
        String version = Flyway.configure()
                .dataSource(url, user, password)
                .initSql("SET ROLE " + OWNER)
                .schemas(id.schemaName())
                .defaultSchema(id.schemaName())
                .createSchemas(false)
                .locations(locations)
                .load()
                .migrate()
                .targetSchemaVersion;
        try (Statement statement = connection.createStatement()) {
            asOwner(statement, TenantSchemaGrants.afterMigrations(connection, id));
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO control.tenants"
                + " (id, schema_name, status, schema_version) VALUES (?, ?, 'active', ?)")) {
            insert.setString(1, tenant);
            insert.setString(2, id.schemaName());
            insert.setString(3, version);
            insert.executeUpdate();
        }
    }

    private static void asOwner(Statement statement, List<String> sql) throws SQLException {
        statement.execute("SET ROLE " + OWNER);
        try {
            for (String each : sql) {
                statement.execute(each);
            }
        } finally {
            statement.execute("RESET ROLE");
        }
    }
}
