package dev.tenantbridge.fleet.maintenance;

import dev.tenantbridge.fleet.job.JobView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Maintenance of the whole fleet as a job. */
@Path("/admin/maintenance")
@RolesAllowed("platform-admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Maintenance")
public class FleetMaintenanceResource {

    private final FleetMaintenance fleet;

    FleetMaintenanceResource(FleetMaintenance fleet) {
        this.fleet = fleet;
    }

    @POST
    @Operation(summary = "Start maintaining every tenant, staggered and a few at a time; returns the job")
    public Response start(@QueryParam("vacuum") @DefaultValue("false") boolean vacuum, UriInfo uri) {
        JobView job = fleet.start(vacuum);
        return Response.accepted(job)
                .location(uri.getBaseUriBuilder()
                        .path("admin/jobs")
                        .path(job.id().toString())
                        .build())
                .build();
    }
}
