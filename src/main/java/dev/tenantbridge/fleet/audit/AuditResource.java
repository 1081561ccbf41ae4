package dev.tenantbridge.fleet.audit;

import dev.tenantbridge.common.ProblemException;
import dev.tenantbridge.fleet.job.JobView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's API for schema and privilege audits. */
@Path("/admin/audit")
@RolesAllowed("platform-admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Schema drift and privilege audits (role platform-admin)")
public class AuditResource {

    /** The body of an audit request: the tenants to audit, or none for the whole fleet. */
    public record AuditRequest(List<String> tenants) {}

    private final FleetAudit audit;

    AuditResource(FleetAudit audit) {
        this.audit = audit;
    }

    @POST
    @Operation(summary = "Start auditing every tenant (or the named ones); returns the job")
    public Response start(AuditRequest request, UriInfo uri) {
        JobView job = audit.start(request == null ? null : request.tenants());
        return Response.accepted(job)
                .location(uri.getAbsolutePathBuilder().path(job.id().toString()).build())
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An audit's findings per tenant; clean tenants are not listed")
    public AuditReport report(@PathParam("id") String id) {
        try {
            return audit.report(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Audit " + id);
        }
    }
}
