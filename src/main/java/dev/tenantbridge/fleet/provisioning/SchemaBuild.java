package dev.tenantbridge.fleet.provisioning;

import dev.tenantbridge.fleet.migration.MigrationLedger;
import java.util.List;

/**
 * A tenant schema built by provisioning.
 *
 * @param version the version the schema is on afterwards
 * @param applied the versions this build applied, each with its duration
 */
public record SchemaBuild(String version, List<MigrationLedger.Outcome> applied) {}
