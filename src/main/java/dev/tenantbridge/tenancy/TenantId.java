package dev.tenantbridge.tenancy;

import dev.tenantbridge.common.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A validated tenant id and the names derived from it. An id is lowercase letters, digits, {@code -} and
 * {@code _}, starts with a letter or digit, and is short enough that its schema name fits PostgreSQL's 63-byte
 * identifier limit. The schema (and the tenant's role) is {@code tenant_<id>} with {@code -} turned into
 * {@code _}, so two ids can map to one schema; the catalog refuses the second.
 */
public record TenantId(String value) {

    public static final String SCHEMA_PREFIX = "tenant_";
    private static final int MAX_IDENTIFIER_BYTES = 63;
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    public TenantId {
        String problem = problemWith(value);
        if (problem != null) {
            throw new ProblemException(400, "invalid-tenant-id", "Invalid tenant id", problem);
        }
    }

    /** Says what is wrong with a candidate id, or returns null when it is valid. */
    public static String problemWith(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return "A tenant id is required";
        }
        if (!SHAPE.matcher(candidate).matches()) {
            return "A tenant id holds only lowercase letters, digits, '-' and '_', and starts with a letter or digit";
        }
        if (schemaFor(candidate).getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
            return "A tenant id is at most " + (MAX_IDENTIFIER_BYTES - SCHEMA_PREFIX.length()) + " characters long";
        }
        return null;
    }

    public static boolean isValid(String candidate) {
        return problemWith(candidate) == null;
    }

    public String schemaName() {
        return schemaFor(value);
    }

    /** The tenant's NOLOGIN role shares its schema's name. */
    public String roleName() {
        return schemaName();
    }

    private static String schemaFor(String id) {
        return SCHEMA_PREFIX + id.replace('-', '_');
    }

    @Override
    public String toString() {
        return value;
    }
}
