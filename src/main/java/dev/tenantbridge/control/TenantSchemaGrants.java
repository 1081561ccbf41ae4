package dev.tenantbridge.control;

import dev.tenantbridge.common.Sql;
import dev.tenantbridge.tenancy.TenantId;
import java.util.List;

/**
 * The privileges of a tenant schema, as the statements the owner role runs: before the migrations (the schema is
 * closed to PUBLIC and open to the tenant role, and future tables and functions follow), and after them (tables
 * made before a retry are granted too, and the tenant role is kept off Flyway's history).
 */
public final class TenantSchemaGrants {

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

    public static List<String> afterMigrations(TenantId id) {
        String schema = Sql.quote(id.schemaName());
        String role = Sql.quote(id.roleName());
        return List.of(
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + role,
                "REVOKE ALL ON " + schema + ".flyway_schema_history FROM " + role,
                "REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA " + schema + " FROM PUBLIC",
                "GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA " + schema + " TO " + role);
    }

    /** The statement that creates the schema for the owner role; the login role runs it. */
    public static String createSchema(TenantId id, String ownerRole) {
        return "CREATE SCHEMA IF NOT EXISTS " + Sql.quote(id.schemaName()) + " AUTHORIZATION " + Sql.quote(ownerRole);
    }
}
