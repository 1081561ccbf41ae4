package dev.tenantbridge.fleet.provisioning;

import dev.tenantbridge.fleet.migration.MigrationLedger;
import java.util.List;

/** A schema build that failed in a known tenant migration version; it carries what the ledger should record. */
public class VersionFailure extends RuntimeException {

    private final transient List<MigrationLedger.Outcome> outcomes;

    VersionFailure(List<MigrationLedger.Outcome> outcomes, Throwable cause) {
        super(cause.getMessage(), cause);
        this.outcomes = List.copyOf(outcomes);
    }

    /** The versions the build reached and the one that failed, oldest first. */
    public List<MigrationLedger.Outcome> outcomes() {
        return outcomes;
    }
}
