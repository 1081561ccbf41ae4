package dev.tenantbridge.fleet.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a tenant schema's privileges from the catalogs: no grant to PUBLIC, no grant to any role but the owner and
 * the tenant's own role, every object owned by the owner role, and the tenant role able to reach no other tenant
 * schema, the control schema or a template, nor being a member of any role.
 */
final class PrivilegeCheck {

    private static final String GRANTS = "SELECT kind, name, CASE WHEN a.grantee = 0 THEN 'PUBLIC'"
            + " ELSE pg_get_userbyid(a.grantee) END, a.privilege_type FROM ("
            + " SELECT 'schema' AS kind, nspname::text AS name, nspacl AS acl FROM pg_namespace WHERE nspname = ?"
            + " UNION ALL SELECT 'relation', relname::text, relacl FROM pg_class"
            + " WHERE relnamespace = ?::regnamespace AND relkind IN ('r', 'p', 'v', 'm', 'S', 'f')"
            + " UNION ALL SELECT 'function', oid::regprocedure::text, coalesce(proacl, acldefault('f', proowner))"
            + " FROM pg_proc WHERE pronamespace = ?::regnamespace) o, aclexplode(o.acl) a"
            + " WHERE a.grantee = 0 OR pg_get_userbyid(a.grantee) NOT IN (?, ?) ORDER BY 1, 2, 3, 4";

    private static final String OWNERS = "SELECT kind, name, owner FROM ("
            + " SELECT 'schema' AS kind, nspname::text AS name, pg_get_userbyid(nspowner) AS owner FROM pg_namespace"
            + " WHERE nspname = ? UNION ALL SELECT 'relation', relname::text, pg_get_userbyid(relowner) FROM pg_class"
            + " WHERE relnamespace = ?::regnamespace AND relkind IN ('r', 'p', 'v', 'm', 'S', 'f')"
            + " UNION ALL SELECT 'function', oid::regprocedure::text, pg_get_userbyid(proowner) FROM pg_proc"
            + " WHERE pronamespace = ?::regnamespace) o WHERE owner <> ? ORDER BY 1, 2";

    private static final String REACH = "SELECT nspname FROM pg_namespace WHERE nspname <> ?"
            + " AND (nspname LIKE 'tenant\\_%' OR nspname = 'control' OR nspname LIKE 'bridge\\_template\\_%')"
            + " AND has_schema_privilege(?, oid, 'USAGE') ORDER BY 1";

    private static final String MEMBERSHIPS = "SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r"
            + " ON r.oid = m.roleid JOIN pg_roles t ON t.oid = m.member WHERE t.rolname = ? ORDER BY 1";

    private PrivilegeCheck() {}

    static List<Finding> check(Connection connection, String schema, String tenantRole, String ownerRole)
            throws SQLException {
        List<Finding> findings = new ArrayList<>();
        for (List<String> grant : rows(connection, GRANTS, schema, schema, schema, ownerRole, tenantRole)) {
            findings.add(new Finding(
                    "privilege",
                    describeGrantee(grant.get(2)) + " has " + grant.get(3) + " on " + grant.get(0) + " "
                            + grant.get(1)));
        }
        for (List<String> owned : rows(connection, OWNERS, schema, schema, schema, ownerRole)) {
            findings.add(new Finding(
                    "owner",
                    owned.get(0) + " " + owned.get(1) + " is owned by " + owned.get(2) + ", not " + ownerRole));
        }
        for (List<String> reached : rows(connection, REACH, schema, tenantRole)) {
            findings.add(new Finding("reach", "tenant role " + tenantRole + " can use schema " + reached.get(0)));
        }
        for (List<String> role : rows(connection, MEMBERSHIPS, tenantRole)) {
            findings.add(new Finding("reach", "tenant role " + tenantRole + " is a member of " + role.get(0)));
        }
        return findings;
    }

    private static String describeGrantee(String grantee) {
        if ("PUBLIC".equals(grantee)) {
            return "PUBLIC";
        }
        return grantee.startsWith("tenant_") ? "another tenant's role " + grantee : "role " + grantee;
    }

    private static List<List<String>> rows(Connection connection, String sql, String... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int width = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int column = 1; column <= width; column++) {
                        row.add(result.getString(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
