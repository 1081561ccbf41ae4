package dev.tenantbridge.fleet.maintenance;

import dev.tenantbridge.tenancy.TenantId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** On-demand maintenance of one tenant schema, and its record. */
@Path("/admin/tenants/{id}/maintenance")
@RolesAllowed("platform-admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Maintenance", description = "ANALYZE, VACUUM and view refreshes per tenant (role platform-admin)")
public class MaintenanceResource {

    private static final int RUNS_SHOWN = 20;

    private final TenantMaintenance maintenance;

    MaintenanceResource(TenantMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @POST
    @Operation(
            summary = "ANALYZE the tenant's tables now (VACUUM (ANALYZE) with ?vacuum=true), then refresh"
                    + " sales_summary when the schema has it; returns the recorded runs")
    public List<MaintenanceRun> maintain(
            @PathParam("id") String id, @QueryParam("vacuum") @DefaultValue("false") boolean vacuum) {
        return maintenance.maintain(new TenantId(id).value(), vacuum);
    }

    @GET
    @Operation(summary = "The tenant's most recent maintenance runs, newest first")
    public List<MaintenanceRun> recent(@PathParam("id") String id) {
        return maintenance.recent(new TenantId(id).value(), RUNS_SHOWN);
    }
}
