package dev.tenantbridge.tenancy;

import dev.tenantbridge.catalog.TenantRecord;
import dev.tenantbridge.common.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Puts a connection's current transaction into a tenant's context: its schema as the only search path, its role
 * (so PostgreSQL itself refuses any other tenant's schema) and its statement timeout. All three are
 * transaction-local and sent in one round trip; commit or rollback clears them, so nothing reaches the next user
 * of a pooled connection, nor leaks through a transaction-pooling proxy.
 *
 * <p>The connection must not be in autocommit mode: there the settings would end with their own statement.
 */
public final class TenantSession {

    private static final String ENTER = "SELECT set_config('search_path', ?, true), set_config('role', ?, true),"
            + " set_config('statement_timeout', ?, true)";

    private TenantSession() {}

    public static void enter(Connection connection, TenantRecord tenant, Duration defaultTimeout) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("Tenant " + tenant.id()
                    + " data was reached outside a transaction; tenant access must run inside one"
                    + " (for example a @Transactional method)");
        }
        try (PreparedStatement statement = connection.prepareStatement(ENTER)) {
            statement.setString(1, Sql.quote(tenant.schemaName()));
            statement.setString(2, tenant.roleName());
            statement.setString(3, Long.toString(timeoutMillis(tenant, defaultTimeout)));
            statement.execute();
        }
    }

    private static long timeoutMillis(TenantRecord tenant, Duration defaultTimeout) {
        return tenant.statementTimeoutMs() != null ? tenant.statementTimeoutMs() : defaultTimeout.toMillis();
    }
}
