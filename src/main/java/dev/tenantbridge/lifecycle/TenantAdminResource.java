package dev.tenantbridge.lifecycle;

import dev.tenantbridge.catalog.TenantCatalog;
import dev.tenantbridge.catalog.TenantRecord;
import dev.tenantbridge.catalog.TenantStatus;
import dev.tenantbridge.common.BridgeConfig;
import dev.tenantbridge.common.Page;
import dev.tenantbridge.common.ProblemException;
import dev.tenantbridge.tenancy.TenantId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform operator's API for the tenant catalog: provision, list, suspend, resume and delete tenants. */
@Path("/admin/tenants")
@RolesAllowed("platform-admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tenants", description = "Tenant catalog and lifecycle (role platform-admin)")
public class TenantAdminResource {

    /** The body of a provisioning request. */
    public record ProvisionRequest(@NotNull String id) {}

    private final ProvisioningService provisioning;
    private final TenantCatalog catalog;
    private final BridgeConfig config;

    TenantAdminResource(ProvisioningService provisioning, TenantCatalog catalog, BridgeConfig config) {
        this.provisioning = provisioning;
        this.catalog = catalog;
        this.config = config;
    }

    @POST
    @Operation(
            summary = "Provision a tenant: schema, role, migrations. Idempotent: 201 when created, 200 when it existed")
    public Response provision(@Valid @NotNull ProvisionRequest request, UriInfo uri) {
        TenantId id = new TenantId(request.id());
        ProvisioningService.Provisioned result = provisioning.provision(id);
        if (!result.created()) {
            return Response.ok(result.tenant()).build();
        }
        URI location = uri.getAbsolutePathBuilder().path(id.value()).build();
        return Response.created(location).entity(result.tenant()).build();
    }

    @GET
    @Operation(summary = "List tenants, optionally by status, a page at a time")
    public Page<TenantRecord> list(
            @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Page.Request request = Page.request(page, size, config.maxPageSize());
        TenantStatus filter = status == null ? null : parseStatus(status);
        return request.of(catalog.list(filter, request.offset(), request.size()), catalog.count(filter));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one tenant's catalog entry")
    public TenantRecord get(@PathParam("id") String id) {
        TenantId tenant = new TenantId(id);
        return catalog.find(tenant.value()).orElseThrow(() -> ProblemException.notFound("Tenant " + id));
    }

    @POST
    @Path("{id}/suspend")
    @Operation(summary = "Suspend an active tenant: its requests get 423 until it is resumed")
    public TenantRecord suspend(@PathParam("id") String id) {
        return provisioning.transition(new TenantId(id), TenantStatus.ACTIVE, TenantStatus.SUSPENDED);
    }

    @POST
    @Path("{id}/resume")
    @Operation(summary = "Resume a suspended tenant")
    public TenantRecord resume(@PathParam("id") String id) {
        return provisioning.transition(new TenantId(id), TenantStatus.SUSPENDED, TenantStatus.ACTIVE);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a tenant with all its data; needs ?confirm=<id> repeating the tenant id")
    public Response delete(@PathParam("id") String id, @QueryParam("confirm") String confirm) {
        TenantId tenant = new TenantId(id);
        if (!tenant.value().equals(confirm)) {
            throw new ProblemException(
                    428,
                    "confirmation-required",
                    "Confirmation required",
                    "Deleting a tenant drops all its data; repeat its id as ?confirm=" + tenant.value());
        }
        if (!provisioning.delete(tenant)) {
            throw ProblemException.notFound("Tenant " + id);
        }
        return Response.noContent().build();
    }

    private static TenantStatus parseStatus(String status) {
        return Arrays.stream(TenantStatus.values())
                .filter(s -> s.label().equals(status))
                .findFirst()
                .orElseThrow(() -> ProblemException.badRequest(
                        "invalid-parameter", "status must be one of " + Arrays.toString(TenantStatus.values())));
    }
}
