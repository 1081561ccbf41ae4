package dev.tenantbridge.shop.product;

import dev.tenantbridge.common.BridgeConfig;
import dev.tenantbridge.common.Page;
import dev.tenantbridge.common.ProblemException;
import dev.tenantbridge.tenancy.TenantApi;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's products. The tenant is the one in the caller's token; reads need {@code user}. */
@Path("/api/products")
@TenantApi
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Products", description = "The tenant's product catalogue")
public class ProductResource {

    private final BridgeConfig config;

    ProductResource(BridgeConfig config) {
        this.config = config;
    }

    @GET
    @RolesAllowed({"user", "tenant-admin"})
    @Transactional
    @Operation(summary = "List the tenant's products, oldest first, a page at a time")
    public Page<ProductView> list(
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        Page.Request request = Page.request(page, size, config.maxPageSize());
        var query = Product.<Product>findAll(Sort.by("createdAt").and("productId"));
        var items = query.page(request.page(), request.size()).list().stream()
                .map(ProductView::of)
                .toList();
        return request.of(items, query.count());
    }

    @POST
    @RolesAllowed("tenant-admin")
    @Transactional
    @Operation(summary = "Create a product (role tenant-admin); 409 when the sku is taken")
    public Response create(@Valid @NotNull ProductRequest body, UriInfo uri) {
        Product product = body.toProduct();
        product.persistAndFlush();
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(product.productId.toString())
                        .build())
                .entity(ProductView.of(product))
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"user", "tenant-admin"})
    @Transactional
    @Operation(summary = "Read one product of the tenant")
    public ProductView get(@PathParam("id") UUID id) {
        Product product = Product.findById(id);
        if (product == null) {
            throw ProblemException.notFound("Product " + id);
        }
        return ProductView.of(product);
    }
}
