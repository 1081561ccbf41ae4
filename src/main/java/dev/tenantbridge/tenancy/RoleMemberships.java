package dev.tenantbridge.tenancy;

import dev.tenantbridge.catalog.TenantRecord;
import dev.tenantbridge.common.ProblemException;
import dev.tenantbridge.common.Sql;
import io.quarkus.logging.Log;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/**
 * Keeps PostgreSQL backends' lists of the login role's memberships current. A backend caches which roles the
 * login role may switch to; on PostgreSQL 17 a backend that was computing that list while a new tenant role was
 * committed can keep a list without it, and refuses "permission denied to set role" to that tenant until any
 * role changes again. {@link #touch} changes a role, which sends every backend that change.
 *
 * <p>The role it changes is a NOLOGIN role of its own ({@value #NOTICE}), altered by another NOLOGIN role that
 * administers only it ({@value #NOTIFIER}, with {@code CREATEROLE}). Altering a tenant role instead would make
 * PostgreSQL check the login role's admin right by walking all its memberships, one per tenant: 40 to 60 ms per
 * statement with 10,000 tenants, against 2 ms this way. Neither role holds any privilege on tenant data; their
 * names lie outside the {@code tenant_} names of tenants.
 */
public final class RoleMemberships {

    /** The role that administers {@link #NOTICE}; the login role may switch to it. */
    public static final String NOTIFIER = "bridge_role_notifier";

    /** The role altered to send every backend a role change. */
    public static final String NOTICE = "bridge_role_notice";

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String DUPLICATE_OBJECT = "42710";

    private RoleMemberships() {}

    /**
     * Creates {@link #NOTIFIER} and {@link #NOTICE} when missing, on an autocommit connection of the login role.
     * Two replicas starting at once may both try; the one that finds the role made meanwhile goes on.
     */
    public static void prepare(Connection connection) throws SQLException {
        if (!exists(connection, NOTIFIER)) {
            inTransaction(
                    connection,
                    "SET LOCAL createrole_self_grant = 'set'",
                    "CREATE ROLE " + Sql.quote(NOTIFIER) + " NOLOGIN CREATEROLE");
        }
        if (!exists(connection, NOTICE)) {
            inTransaction(
                    connection,
                    "SET LOCAL ROLE " + Sql.quote(NOTIFIER),
                    "CREATE ROLE " + Sql.quote(NOTICE) + " NOLOGIN");
        }
    }

    /**
     * Changes {@link #NOTICE} without changing what it is, on an autocommit connection, so that every backend
     * reloads its role memberships.
     */
    public static void touch(Connection connection) throws SQLException {
        try {
            alterNotice(connection);
        } catch (SQLException missing) {
            // A start-up step can create a role before the owner role's start-up has prepared these two.
            prepare(connection);
            alterNotice(connection);
        }
    }

    private static void alterNotice(Connection connection) throws SQLException {
        inTransaction(
                connection, "SET LOCAL ROLE " + Sql.quote(NOTIFIER), "ALTER ROLE " + Sql.quote(NOTICE) + " NOLOGIN");
    }

    /** True when the role exists; {@code control.Roles} asks here too, as this package may not depend on it. */
    public static boolean exists(Connection connection, String role) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            statement.setString(1, role);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Runs the statements in one transaction of their own; a role another replica just made counts as made. */
    private static void inTransaction(Connection connection, String... sql) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            if (!DUPLICATE_OBJECT.equals(e.getSQLState())) {
                throw e;
            }
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * When PostgreSQL refused an active tenant's role while entering its context, touches in the background
     * (through {@code pool}) so that the next attempt finds it, and throws a 503 for the client to retry. Returns
     * for any other failure.
     */
    static void answerIfRefused(SQLException failure, TenantRecord tenant, DataSource pool) {
        if (!INSUFFICIENT_PRIVILEGE.equals(failure.getSQLState())) {
            return;
        }
        Log.warnf(
                "PostgreSQL refused role %s of active tenant %s (%s); sending every backend a role change so"
                        + " that it reloads its memberships",
                tenant.roleName(), tenant.id(), failure.getMessage());
        CompletableFuture.runAsync(() -> touch(pool));
        throw new ProblemException(
                503,
                "tenant-not-ready",
                "Tenant not ready",
                "The database did not yet let the service act for tenant " + tenant.id() + "; retry in a moment");
    }

    private static void touch(DataSource pool) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(true);
            touch(connection);
        } catch (SQLException e) {
            Log.warnf("Could not send the backends a role change: %s", e.getMessage());
        }
    }
}
