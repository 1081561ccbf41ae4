package dev.tenantbridge.control;

import dev.tenantbridge.common.BridgeConfig;
import dev.tenantbridge.common.Sql;
import dev.tenantbridge.tenancy.BackendBudget;
import dev.tenantbridge.tenancy.RoleMemberships;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The NOLOGIN role that owns every tenant schema and its objects. The service's login role may switch to it
 * ({@code SET}) but does not inherit its privileges, so a connection that skipped the tenant set-up can read no
 * tenant's data. At start it checks the server and creates the role when missing.
 */
@ApplicationScoped
public class OwnerRole {

    private static final int MIN_SERVER_MAJOR = 16;

    private final AgroalDataSource pool;
    private final String name;
    private final BackendBudget budget;

    OwnerRole(AgroalDataSource pool, BridgeConfig config, BackendBudget budget) {
        this.pool = pool;
        this.name = config.ownerRole();
        this.budget = budget;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            requireServerVersion(connection);
            RoleMemberships.prepare(connection);
            if (!Roles.exists(connection, name)) {
                Roles.create(connection, name);
                Log.infof("Created tenant owner role %s", name);
            }
            requireSetPrivilege(connection);
        }
    }

    public String name() {
        return name;
    }

    /**
     * Takes a pooled connection acting as the owner role; closing it switches the role back before the connection
     * returns to the pool. Used for tenant DDL: schemas, grants and migrations, each connection for the one
     * schema named, which counts towards the connection's {@link BackendBudget}.
     */
    public Connection connect(String schema) throws SQLException {
        Connection connection = pool.getConnection();
        try (Statement statement = connection.createStatement()) {
            budget.entered(connection, schema);
            statement.execute("SET ROLE " + Sql.quote(name));
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        restoreAndClose(connection);
                        return null;
                    }
                    return Invocation.call(method, connection, args);
                });
    }

    private static void restoreAndClose(Connection connection) throws SQLException {
        try (connection;
                Statement statement = connection.createStatement()) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            statement.execute("RESET ROLE; RESET search_path");
        }
    }

    private static void requireServerVersion(Connection connection) throws SQLException {
        if (connection.getMetaData().getDatabaseMajorVersion() < MIN_SERVER_MAJOR) {
            throw new IllegalStateException("Tenant Bridge needs PostgreSQL 16 or newer; the server is "
                    + connection.getMetaData().getDatabaseProductVersion());
        }
    }

    private void requireSetPrivilege(Connection connection) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT pg_has_role(current_user, ?, 'SET'), current_user")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    throw new IllegalStateException("The login role " + rows.getString(2)
                            + " may not SET ROLE to the tenant owner role " + name
                            + "; grant it with: GRANT " + name + " TO " + rows.getString(2)
                            + " WITH INHERIT FALSE, SET TRUE");
                }
            }
        }
    }
}
