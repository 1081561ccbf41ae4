package dev.tenantbridge.fleet.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shape of a schema read from the PostgreSQL catalogs: its tables, columns, constraints, indexes, triggers and
 * functions, one line each, with the schema's own name replaced so that two schemas can be compared line by line.
 * The catalogs are readable by the login role; no tenant data is touched.
 */
final class SchemaShape {

    private static final String SCHEMA_MARK = "<schema>";

    private static final List<String> QUERIES = List.of(
            "SELECT 'table ' || relname || ' (' || relkind::text || ')' FROM pg_class"
                    + " WHERE relnamespace = ?::regnamespace"
                    + " AND relkind IN ('r', 'p', 'v', 'm', 'f')",
            "SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
                    + " || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END"
                    + " || CASE WHEN a.attgenerated <> '' THEN ' generated' ELSE '' END"
                    + " || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')"
                    + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                    + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                    + " WHERE c.relnamespace = ?::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"
                    + " AND a.attnum > 0 AND NOT a.attisdropped",
            "SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
                    + " FROM pg_constraint WHERE connamespace = ?::regnamespace",
            "SELECT 'index ' || i.relname || ' ' || pg_get_indexdef(i.oid) FROM pg_index x"
                    + " JOIN pg_class i ON i.oid = x.indexrelid WHERE i.relnamespace = ?::regnamespace",
            "SELECT 'trigger ' || t.tgname || ' ' || pg_get_triggerdef(t.oid) FROM pg_trigger t"
                    + " JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = ?::regnamespace"
                    + " AND NOT t.tgisinternal",
            "SELECT 'function ' || p.oid::regprocedure::text || ' returns ' || p.prorettype::regtype::text"
                    + " FROM pg_proc p WHERE p.pronamespace = ?::regnamespace");

    private SchemaShape() {}

    /** Every line of the schema's shape, sorted, with its name replaced by a mark. */
    static Set<String> of(Connection connection, String schema) throws SQLException {
        Set<String> lines = new TreeSet<>();
        for (String sql : QUERIES) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, schema);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        lines.add(anonymous(rows.getString(1), schema));
                    }
                }
            }
        }
        return lines;
    }

    private static String anonymous(String line, String schema) {
        return line.replace("\"" + schema + "\".", SCHEMA_MARK + ".").replace(schema + ".", SCHEMA_MARK + ".");
    }
}
