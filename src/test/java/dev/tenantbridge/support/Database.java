package dev.tenantbridge.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the database directly, as the service's login role, to check what the API did. */
public final class Database {

    private Database() {}

    public static AgroalDataSource pool() {
        return Arc.container().instance(AgroalDataSource.class).get();
    }

    /** Runs a query with string parameters and returns every row's first column as text. */
    public static List<String> column(String sql, String... params) {
        try (Connection connection = pool().getConnection()) {
            return query(connection, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs a query as the tenant owner role, which sees every tenant object in the information schema (the login
     * role, by design, sees none of them).
     */
    public static List<String> columnAsOwner(String sql, String... params) {
        try (Connection connection = pool().getConnection()) {
            connection.setAutoCommit(false);
            try {
                query(connection, "SELECT set_config('role', 'tenant_bridge_owner', true)");
                return query(connection, sql, params);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> query(Connection connection, String sql, String... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setString(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    public static boolean schemaExists(String schema) {
        return !column("SELECT nspname FROM pg_namespace WHERE nspname = ?", schema)
                .isEmpty();
    }

    public static boolean roleExists(String role) {
        return !column("SELECT rolname FROM pg_roles WHERE rolname = ?", role).isEmpty();
    }

    public static boolean catalogHas(String tenant) {
        return !column("SELECT id FROM control.tenants WHERE id = ?", tenant).isEmpty();
    }

    public static void execute(String sql) {
        try (Connection connection = pool().getConnection()) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Counts the tenant's orders whose total is not the sum of their items' subtotals (computed by the database)
     * plus tax and shipping; zero when every total adds up.
     */
    public static long ordersWithWrongTotal(String tenant) {
        String schema = new dev.tenantbridge.tenancy.TenantId(tenant).schemaName();
        String sql = "SELECT count(*) FROM " + quote(schema) + ".orders o WHERE o.total_amount IS DISTINCT FROM"
                + " (SELECT sum(i.subtotal) FROM " + quote(schema) + ".order_items i WHERE i.order_id = o.order_id)"
                + " + o.tax_amount + o.shipping_amount";
        return Long.parseLong(columnAsOwner(sql).get(0));
    }

    /** Runs a count query as the owner role over one of the tenant's tables. */
    public static long countAsOwner(String tenant, String table, String where) {
        String schema = new dev.tenantbridge.tenancy.TenantId(tenant).schemaName();
        String sql = "SELECT count(*) FROM " + quote(schema) + "." + quote(table) + " WHERE " + where;
        return Long.parseLong(columnAsOwner(sql).get(0));
    }

    private static String quote(String identifier) {
        return dev.tenantbridge.common.Sql.quote(identifier);
    }
}
