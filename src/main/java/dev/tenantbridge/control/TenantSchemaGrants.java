package dev.tenantbridge.control;

import dev.tenantbridge.common.Sql;
import dev.tenantbridge.tenancy.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The privileges of a tenant schema, as the statements the owner role runs: before the migrations (the schema is
 * closed to PUBLIC and open to the tenant role, and future tables and functions follow), and after them (tables
 * made before a retry are granted too, and the tenant role is kept off Flyway's history).
 */
public final class TenantSchemaGrants {

    /** The schema's tables (false) and functions (true), by their names as regclass and regprocedure print them. */
    private static final String OBJECTS = """
            SELECT d.objid::regclass::text, false
            FROM pg_depend d JOIN pg_class c ON c.oid = d.objid
            WHERE d.refclassid = 'pg_namespace'::regclass AND d.refobjid = ?::regnamespace
              AND d.classid = 'pg_class'::regclass AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
            UNION ALL
            SELECT d.objid::regprocedure::text, true
            FROM pg_depend d JOIN pg_proc p ON p.oid = d.objid
            WHERE d.refclassid = 'pg_namespace'::regclass AND d.refobjid = ?::regnamespace
              AND d.classid = 'pg_proc'::regclass AND p.prokind IN ('f', 'a', 'w')
            ORDER BY 2, 1
            """;

    private TenantSchemaGrants() {}

    public static List<String> beforeMigrations(TenantId id) {
        String schema = Sql.quote(id.schemaName());
        String role = Sql.quote(id.roleName());
        return List.of(
                "REVOKE ALL ON SCHEMA " + schema + " FROM PUBLIC",
                "GRANT USAGE ON SCHEMA " + schema + " TO " + role,
                "ALTER DEFAULT PRIVILEGES IN SCHEMA " + schema + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "
                        + role,
                "ALTER DEFAULT PRIVILEGES IN SCHEMA " + schema + " REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC",
                "ALTER DEFAULT PRIVILEGES IN SCHEMA " + schema + " GRANT EXECUTE ON FUNCTIONS TO " + role);
    }

    /**
     * The statements after the migrations, for the objects the schema holds now: its tables (views and
     * materialized views included, as {@code ALL TABLES} has them) and functions granted to the tenant role by
     * name, the functions closed to PUBLIC, and Flyway's history closed to the tenant role.
     *
     * <p>The objects are listed through {@code pg_depend}'s index on the schema rather than with the
     * {@code ALL ... IN SCHEMA} forms, which scan all of {@code pg_class} and {@code pg_proc}: with thousands of
     * tenant schemas on the cluster each such scan took tens of milliseconds of every provisioning.
     */
    public static List<String> afterMigrations(Connection connection, TenantId id) throws SQLException {
        String schema = Sql.quote(id.schemaName());
        String role = Sql.quote(id.roleName());
        List<String> tables = new ArrayList<>();
        List<String> functions = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(OBJECTS)) {
            statement.setString(1, schema);
            statement.setString(2, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    (rows.getBoolean(2) ? functions : tables).add(rows.getString(1));
                }
            }
        }
        List<String> sql = new ArrayList<>();
        if (!tables.isEmpty()) {
            sql.add("GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE " + String.join(", ", tables) + " TO " + role);
        }
        sql.add("REVOKE ALL ON " + schema + ".flyway_schema_history FROM " + role);
        if (!functions.isEmpty()) {
            sql.add("REVOKE EXECUTE ON FUNCTION " + String.join(", ", functions) + " FROM PUBLIC");
            sql.add("GRANT EXECUTE ON FUNCTION " + String.join(", ", functions) + " TO " + role);
        }
        return sql;
    }

    /** The statement that creates the schema for the owner role; the login role runs it. */
    public static String createSchema(TenantId id, String ownerRole) {
        return "CREATE SCHEMA IF NOT EXISTS " + Sql.quote(id.schemaName()) + " AUTHORIZATION " + Sql.quote(ownerRole);
    }
}
