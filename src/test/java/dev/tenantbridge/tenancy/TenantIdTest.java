package dev.tenantbridge.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantIdTest {

    @Test
    void shouldMapDashesToUnderscoresInTheSchemaName() {
        assertEquals("tenant_a_b", new TenantId("a-b").schemaName());
        assertEquals("tenant_a_b", new TenantId("a_b").schemaName());
        assertEquals(new TenantId("a-b").schemaName(), new TenantId("a-b").roleName());
    }

    @Test
    void shouldAcceptTheLongestIdWhoseSchemaFitsSixtyThreeBytes() {
        String longest = "a".repeat(63 - "tenant_".length());
        assertTrue(TenantId.isValid(longest));
        assertFalse(TenantId.isValid(longest + "a"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "-lead", "_lead", "Upper", "a b", "a;b", "a'b", "a\"b", "..", "a.b", "ä", "a/b", "a\u0000"})
    void shouldRejectIdsOutsideTheAllowedShape(String id) {
        assertFalse(TenantId.isValid(id));
    }
}
