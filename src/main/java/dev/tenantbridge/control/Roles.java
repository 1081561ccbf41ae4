package dev.tenantbridge.control;

import dev.tenantbridge.common.Sql;
import dev.tenantbridge.tenancy.RoleMemberships;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates and drops the NOLOGIN roles of the service. A role created here is granted to the login role with SET
 * and without INHERIT ({@code createrole_self_grant = 'set'}), which works for an ordinary role with CREATEROLE,
 * as on a managed PostgreSQL.
 */
public final class Roles {

    private Roles() {}

    public static boolean exists(Connection connection, String role) throws SQLException {
        return RoleMemberships.exists(connection, role);
    }

    /** Creates the role unless it exists, on an autocommit connection. */
    public static void ensure(Connection connection, String role) throws SQLException {
        if (!exists(connection, role)) {
            create(connection, role);
        }
    }

    /**
     * Creates the role in its own transaction on an autocommit connection, then touches it once more
     * ({@link RoleMemberships#touch}), so that no backend keeps a list of memberships without it.
     */
    static void create(Connection connection, String role) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT set_config('createrole_self_grant', 'set', true)");
            statement.execute("CREATE ROLE " + Sql.quote(role) + " NOLOGIN");
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        RoleMemberships.touch(connection);
    }

    public static void dropIfExists(Connection connection, String role) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS " + Sql.quote(role));
        }
    }
}
