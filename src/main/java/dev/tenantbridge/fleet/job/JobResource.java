package dev.tenantbridge.fleet.job;

import dev.tenantbridge.common.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Progress of long fleet operations: migrations, audits and maintenance runs. */
@Path("/admin/jobs")
@RolesAllowed("platform-admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs", description = "Long fleet operations and their progress (role platform-admin)")
public class JobResource {

    private static final int MAX_LISTED = 100;

    private final JobStore jobs;

    JobResource(JobStore jobs) {
        this.jobs = jobs;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A job's progress: done, failed, remaining, rate and estimated time left")
    public JobView get(@PathParam("id") String id) {
        return jobs.find(parse(id)).orElseThrow(() -> ProblemException.notFound("Job " + id));
    }

    @GET
    @Operation(summary = "The most recent jobs, newest first")
    public List<JobView> recent(@QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > MAX_LISTED) {
            throw ProblemException.badRequest("invalid-parameter", "limit must be between 1 and " + MAX_LISTED);
        }
        return jobs.recent(limit);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Job " + id);
        }
    }
}
