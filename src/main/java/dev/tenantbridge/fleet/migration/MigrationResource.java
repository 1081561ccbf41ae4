package dev.tenantbridge.fleet.migration;

import dev.tenantbridge.fleet.job.JobView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's API for fleet migrations. */
@Path("/admin/migrations")
@RolesAllowed("platform-admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Migrations", description = "Tenant migrations across the fleet (role platform-admin)")
public class MigrationResource {

    private final FleetMigration fleet;

    MigrationResource(FleetMigration fleet) {
        this.fleet = fleet;
    }

    @POST
    @Operation(summary = "Start migrating every tenant (or the named ones) to the latest version; returns the job")
    public Response start(FleetMigration.Request request, UriInfo uri) {
        FleetMigration.Request effective = request == null ? new FleetMigration.Request(null, null, null) : request;
        JobView job = fleet.start(effective);
        return Response.accepted(job)
                .location(uri.getBaseUriBuilder()
                        .path("admin/jobs")
                        .path(job.id().toString())
                        .build())
                .build();
    }
}
