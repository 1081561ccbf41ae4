package dev.tenantbridge.shop.report;

import static dev.tenantbridge.shop.ShopDocs.*;

import dev.tenantbridge.common.QueryParams;
import dev.tenantbridge.tenancy.TenantApi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's sales per day, read from the {@code sales_summary} view, and its refresh. */
@Path("/api/reports/sales-summary")
@TenantApi
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Reports over the tenant's orders")
@APIResponse(responseCode = "423", ref = "ShopTenantSuspended")
public class SalesSummaryResource {

    private final SalesSummaryService summaries;

    SalesSummaryResource(SalesSummaryService summaries) {
        this.summaries = summaries;
    }

    @GET
    @RolesAllowed({"user", "tenant-admin"})
    @Operation(summary = "Sales per day between from and to (both included), as of the last refresh")
    @Parameter(
            name = "from",
            in = ParameterIn.QUERY,
            description = "First day, inclusive",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    @Parameter(
            name = "to",
            in = ParameterIn.QUERY,
            description = "Last day, inclusive",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    @APIResponse(
            responseCode = "200",
            description = "The days with sales and the time of the last refresh",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SalesSummary.class),
                            examples = @ExampleObject(name = "sales_summary", value = SALES_SUMMARY)))
    @APIResponse(responseCode = "400", ref = "ShopInvalidQuery")
    public SalesSummary read(@Context UriInfo uri) {
        QueryParams params = QueryParams.of(uri, "from", "to");
        LocalDate from = params.date("from");
        LocalDate to = params.date("to");
        params.require(from == null || to == null || !to.isBefore(from), "to", "must not be before from");
        params.check();
        return summaries.read(from, to);
    }

    @POST
    @Path("refresh")
    @RolesAllowed("tenant-admin")
    @Operation(summary = "Refresh the sales summary now (role tenant-admin) and return it, unfiltered")
    @APIResponse(
            responseCode = "200",
            description = "The refreshed summary",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SalesSummary.class),
                            examples = @ExampleObject(name = "sales_summary", value = SALES_SUMMARY)))
    public SalesSummary refresh() {
        summaries.refresh();
        return summaries.read(null, null);
    }
}
