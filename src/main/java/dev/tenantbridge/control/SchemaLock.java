package dev.tenantbridge.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The session-level PostgreSQL advisory lock that serializes all DDL on one tenant schema: provisioning, deletion
 * and migrations, on every replica. The lock belongs to the connection that took it; closing that connection (or
 * the replica dying) releases it.
 */
public final class SchemaLock {

    /** First key of the advisory locks of this service, so they do not collide with other users' locks. */
    public static final int LOCK_SPACE = 0x54_42_01;

    private SchemaLock() {}

    /** Waits until this connection holds the schema's lock. */
    public static void lock(Connection connection, String schemaName) throws SQLException {
        call(connection, "SELECT pg_advisory_lock(?, hashtext(?))", schemaName);
    }

    public static void unlock(Connection connection, String schemaName) throws SQLException {
        call(connection, "SELECT pg_advisory_unlock(?, hashtext(?))", schemaName);
    }

    private static void call(Connection connection, String sql, String schemaName) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, LOCK_SPACE);
            statement.setString(2, schemaName);
            statement.execute();
        }
    }
}
