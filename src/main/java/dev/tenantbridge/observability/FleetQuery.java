package dev.tenantbridge.observability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the whole fleet in one query: every catalog entry with its schema's table, index and total bytes and
 * estimated rows. Sizes come from PostgreSQL's own bookkeeping ({@code pg_class}, the size functions and the
 * cumulative statistics), which any role may read, so no tenant table is opened and no tenant role is needed.
 */
public final class FleetQuery {

    /**
     * Each relation of the schema (tables, materialized views, indexes) is sized once, all its forks and its
     * TOAST data included, and counted as table or index bytes by its kind; the total is their sum. Rows are
     * estimated from the live-tuple statistics, falling back to the planner's estimate when the statistics know
     * nothing of a table (after a statistics reset, for example).
     */
    private static final String SQL = """
            SELECT t.id, t.status, t.cluster, t.schema_version, n.oid IS NOT NULL AS schema_exists,
                   coalesce(sum(pg_table_size(c.oid)) FILTER (WHERE c.relkind <> 'i'), 0) AS table_bytes,
                   coalesce(sum(pg_table_size(c.oid)) FILTER (WHERE c.relkind = 'i'), 0) AS index_bytes,
                   coalesce(sum(CASE WHEN pg_stat_get_live_tuples(c.oid) = 0 AND c.reltuples > 0
                                     THEN c.reltuples::bigint ELSE pg_stat_get_live_tuples(c.oid) END)
                            FILTER (WHERE c.relkind <> 'i'), 0) AS rows
            FROM control.tenants t
            LEFT JOIN pg_namespace n ON n.nspname = t.schema_name
            LEFT JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'm', 'p', 'i')
            GROUP BY t.id, t.status, t.cluster, t.schema_version, n.oid
            ORDER BY t.id""";

    private FleetQuery() {}

    public static List<SchemaFigures> read(Connection connection) throws SQLException {
        List<SchemaFigures> fleet = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SQL);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                fleet.add(figures(rows));
            }
        }
        return fleet;
    }

    private static SchemaFigures figures(ResultSet row) throws SQLException {
        return new SchemaFigures(
                row.getString("id"),
                row.getString("status"),
                row.getString("cluster"),
                row.getString("schema_version"),
                row.getBoolean("schema_exists"),
                row.getLong("table_bytes") + row.getLong("index_bytes"),
                row.getLong("table_bytes"),
                row.getLong("index_bytes"),
                row.getLong("rows"));
    }
}
