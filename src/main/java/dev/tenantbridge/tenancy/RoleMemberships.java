package dev.tenantbridge.tenancy;

import dev.tenantbridge.catalog.TenantRecord;
import dev.tenantbridge.common.ProblemException;
import dev.tenantbridge.common.Sql;
import io.quarkus.logging.Log;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/**
 * Keeps PostgreSQL backends' lists of the login role's memberships current. A backend caches which roles the
 * login role may switch to; on PostgreSQL 17 a backend that was computing that list while a new tenant role was
 * committed can keep a list without it, and refuses "permission denied to set role" to that tenant until any
 * role changes again. Altering the role once more ({@link #touch}) sends every backend that change.
 */
public final class RoleMemberships {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private RoleMemberships() {}

    /** Alters the role without changing it, so that every backend reloads its role memberships. */
    public static void touch(Connection connection, String role) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE " + Sql.quote(role) + " NOLOGIN");
        }
    }

    /**
     * When PostgreSQL refused an active tenant's role while entering its context, touches the role in the
     * background (through {@code pool}) so that the next attempt finds it, and throws a 503 for the client to
     * retry. Returns for any other failure.
     */
    static void answerIfRefused(SQLException failure, TenantRecord tenant, DataSource pool) {
        if (!INSUFFICIENT_PRIVILEGE.equals(failure.getSQLState())) {
            return;
        }
        Log.warnf(
                "PostgreSQL refused role %s of active tenant %s (%s); touching the role so that every backend"
                        + " reloads its memberships",
                tenant.roleName(), tenant.id(), failure.getMessage());
        CompletableFuture.runAsync(() -> touch(pool, tenant.roleName()));
        throw new ProblemException(
                503,
                "tenant-not-ready",
                "Tenant not ready",
                "The database did not yet let the service act for tenant " + tenant.id() + "; retry in a moment");
    }

    private static void touch(DataSource pool, String role) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(true);
            touch(connection, role);
        } catch (SQLException e) {
            Log.warnf("Could not touch role %s: %s", role, e.getMessage());
        }
    }
}
