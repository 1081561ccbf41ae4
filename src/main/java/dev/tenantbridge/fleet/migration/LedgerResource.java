package dev.tenantbridge.fleet.migration;

import dev.tenantbridge.tenancy.TenantId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One tenant's migration ledger. */
@Path("/admin/tenants/{id}/migrations")
@RolesAllowed("platform-admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Migrations")
public class LedgerResource {

    private final MigrationLedger ledger;

    LedgerResource(MigrationLedger ledger) {
        this.ledger = ledger;
    }

    @GET
    @Operation(summary = "The migration ledger of one tenant: each version's status, start, duration and error")
    public List<LedgerEntry> entries(@PathParam("id") String id) {
        return ledger.entries(new TenantId(id).value());
    }
}
