package dev.tenantbridge.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a tenant stands in its lifecycle: provisioning, active and suspended, archived, or failed. */
public enum TenantStatus {
    PROVISIONING,
    ACTIVE,
    SUSPENDED,
    ARCHIVED,
    FAILED;

    /** The spelling used in the catalog and the API. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TenantStatus fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
