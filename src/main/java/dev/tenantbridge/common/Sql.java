package dev.tenantbridge.common;

/** Helpers for building SQL text safely: identifiers are always quoted, never pasted raw. */
public final class Sql {

    private Sql() {}

    /**
     * Quotes a PostgreSQL identifier (schema, role, table) so it is read as exactly one name,
     * whatever characters it holds.
     */
    public static String quote(String identifier) {
        if (identifier == null || identifier.isEmpty() || identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Not a usable SQL identifier");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
