package dev.tenantbridge.fleet.provisioning;

import java.util.List;

/**
 * What building a tenant schema without Flyway replays: the statements that create Flyway's history table as
 * Flyway made it in the template schema, and each migration's script with the history row Flyway wrote for it.
 *
 * @param historyTable statements creating the history table, with {@code @@schema@@} standing for the quoted schema
 * @param migrations the migrations in the order Flyway applied them
 * @param version the version the schema is on afterwards
 */
record ReplayPlan(List<String> historyTable, List<Step> migrations, String version) {

    /** Flyway's built-in placeholder for the schema being migrated; the replay substitutes it as Flyway does. */
    static final String SCHEMA_PLACEHOLDER = "${flyway:defaultSchema}";

    /** One migration: its SQL and the values of its history row other than time and duration. */
    record Step(
            int installedRank,
            String version,
            String description,
            String type,
            String script,
            Integer checksum,
            String installedBy,
            String sql) {}
}
