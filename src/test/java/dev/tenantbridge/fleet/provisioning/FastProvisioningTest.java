package dev.tenantbridge.fleet.provisioning;

import static dev.tenantbridge.fleet.Fleet.schemaOf;
import static dev.tenantbridge.support.Api.activeTenant;
import static dev.tenantbridge.support.Api.as;
import static dev.tenantbridge.support.Api.createProduct;
import static dev.tenantbridge.support.Database.columnAsOwner;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tenantbridge.control.TenantSchemaMigrator;
import dev.tenantbridge.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FastProvisioningTest {

    private static final String HISTORY_ROWS = "SELECT installed_rank || ' ' || coalesce(version, '-') || ' '"
            + " || description || ' ' || type || ' ' || script || ' ' || coalesce(checksum::text, '-') || ' '"
            + " || installed_by || ' ' || success FROM %s.flyway_schema_history ORDER BY installed_rank";

    @Inject
    FastProvisioning fast;

    @Inject
    TenantSchemaMigrator migrator;

    @Test
    void shouldLeaveExactlyTheFlywayHistoryAndShapeThatFlywayWrites() {
        String replayed = activeTenant("replayed");
        String withFlyway = provisionWithFlyway();

        assertEquals(historyOf(schemaOf(withFlyway)), historyOf(schemaOf(replayed)));
        assertEquals(historyOf(fast.templateSchema()), historyOf(schemaOf(replayed)));
        assertFalse(historyOf(schemaOf(replayed)).isEmpty());
        for (String part : List.of(COLUMNS, CONSTRAINTS, INDEXES, TRIGGERS, GRANTS)) {
            assertEquals(shape(part, withFlyway), shape(part, replayed), part);
        }
        assertEquals(migrator.latestVersion(), migrator.currentVersion(schemaOf(replayed)));
        assertEquals(0, migrator.apply(schemaOf(replayed)).migrationsExecuted);
    }

    @Test
    void shouldServeOnlyItsOwnTenantAfterAFastProvisioning() {
        String replayed = activeTenant("replayed");
        String other = activeTenant("replayed");

        String anvil = createProduct(replayed, "Anvil", "ANV-1");

        as(Tokens.user(replayed)).get("/api/products").then().statusCode(200).body("items.product_id", contains(anvil));
        as(Tokens.user(other)).get("/api/products").then().statusCode(200).body("items", empty());
    }

    private String provisionWithFlyway() {
        fast.enable(false);
        try {
            return activeTenant("flyway");
        } finally {
            fast.enable(true);
        }
    }

    private static List<String> historyOf(String schema) {
        return columnAsOwner(HISTORY_ROWS.formatted(schema));
    }

    private static final String COLUMNS = "SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid,"
            + " a.atttypmod) || ' ' || a.attnotnull || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')"
            + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid LEFT JOIN pg_attrdef d"
            + " ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE c.relnamespace = ?::regnamespace"
            + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1";
    private static final String CONSTRAINTS = "SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint"
            + " WHERE connamespace = ?::regnamespace ORDER BY 1";
    private static final String INDEXES =
            "SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = ? ORDER BY 1";
    private static final String TRIGGERS = "SELECT tgname || ' ' || pg_get_triggerdef(t.oid) FROM pg_trigger t"
            + " JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = ?::regnamespace AND NOT tgisinternal"
            + " ORDER BY 1";
    private static final String GRANTS = "SELECT c.relname || ' ' || coalesce(c.relacl::text, '-') FROM pg_class c"
            + " WHERE c.relnamespace = ?::regnamespace ORDER BY 1";

    /** One part of a schema's shape, with the schema's (and its role's) name taken out so two can be compared. */
    private static List<String> shape(String query, String tenant) {
        String schema = schemaOf(tenant);
        return columnAsOwner(query, schema).stream()
                .map(line -> line.replace(schema, "<schema>"))
                .toList();
    }
}
