package dev.tenantbridge.shop.product;

import static dev.tenantbridge.shop.ShopDocs.*;

import dev.tenantbridge.common.BridgeConfig;
import dev.tenantbridge.common.Constraints;
import dev.tenantbridge.common.Created;
import dev.tenantbridge.common.Page;
import dev.tenantbridge.common.Problem;
import dev.tenantbridge.common.ProblemException;
import dev.tenantbridge.common.QueryParams;
import dev.tenantbridge.tenancy.TenantApi;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's products. The tenant is the one in the caller's token; reads need {@code user}. */
@Path("/api/products")
@TenantApi
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Products", description = "The tenant's product catalogue")
@APIResponse(responseCode = "423", ref = "ShopTenantSuspended")
public class ProductResource {

    static final String[] LIST_PARAMETERS = {"page", "size", "category", "min_price", "max_price", "in_stock", "sort"};

    private final BridgeConfig config;

    ProductResource(BridgeConfig config) {
        this.config = config;
    }

    @GET
    @RolesAllowed({"user", "tenant-admin"})
    @Transactional
    @Operation(summary = "List the tenant's products a page at a time, filtered and in a stable order")
    @Parameter(
            name = "page",
            in = ParameterIn.QUERY,
            description = "Page number, from 0",
            schema = @Schema(type = SchemaType.INTEGER))
    @Parameter(
            name = "size",
            in = ParameterIn.QUERY,
            description = "Page size, from 1 to tenant-bridge.max-page-size (default 20)",
            schema = @Schema(type = SchemaType.INTEGER))
    @Parameter(
            name = "category",
            in = ParameterIn.QUERY,
            description = "Only products of this category",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = "min_price",
            in = ParameterIn.QUERY,
            description = "Lowest price, inclusive",
            schema = @Schema(type = SchemaType.NUMBER))
    @Parameter(
            name = "max_price",
            in = ParameterIn.QUERY,
            description = "Highest price, inclusive",
            schema = @Schema(type = SchemaType.NUMBER))
    @Parameter(
            name = "in_stock",
            in = ParameterIn.QUERY,
            description = "true: only products in stock; false: only those out of stock",
            schema = @Schema(type = SchemaType.BOOLEAN))
    @Parameter(
            name = "sort",
            in = ParameterIn.QUERY,
            description = "created_at (default), name, price or stock_quantity; a leading - sorts descending;"
                    + " ties go by product_id",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(
            responseCode = "200",
            description = "One page of products",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "product_page", value = PRODUCT_PAGE)))
    @APIResponse(responseCode = "400", ref = "ShopInvalidQuery")
    public Page<ProductView> list(@Context UriInfo uri) {
        QueryParams params = QueryParams.of(uri, LIST_PARAMETERS);
        Page.Request request = params.page(config.maxPageSize());
        ProductFilter filter = ProductFilter.read(params);
        params.check();
        var where = filter.where();
        PanacheQuery<Product> query = Product.find(where.clause(), filter.order(), where.parameters());
        return request.of(query, ProductView::of);
    }

    @POST
    @RolesAllowed("tenant-admin")
    @Transactional
    @Operation(summary = "Create a product (role tenant-admin); 409 when the sku is taken")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "product_request", value = PRODUCT_REQUEST)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the product",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductView.class),
                            examples = @ExampleObject(name = "product", value = PRODUCT)))
    @APIResponse(responseCode = "400", ref = "ShopInvalidBody")
    @APIResponse(
            responseCode = "409",
            description = "The sku is taken in this tenant",
            content =
                    @Content(
                            mediaType = PROBLEM,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "duplicate", value = DUPLICATE)))
    public Response create(@Valid @NotNull ProductRequest body, @Context UriInfo uri) {
        Product product = body.toProduct();
        product.persistAndFlush();
        return Created.at(uri, product.productId, ProductView.of(product)).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"user", "tenant-admin"})
    @Transactional
    @Operation(summary = "Read one product of the tenant")
    @APIResponse(
            responseCode = "200",
            description = "The product",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductView.class),
                            examples = @ExampleObject(name = "product", value = PRODUCT)))
    @APIResponse(responseCode = "404", ref = "ShopNotFound")
    public ProductView get(@PathParam("id") UUID id) {
        return ProductView.of(find(id));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed("tenant-admin")
    @Transactional
    @Operation(summary = "Change some fields of a product (role tenant-admin); absent fields keep their value")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "product_request", value = PRODUCT_REQUEST)))
    @APIResponse(
            responseCode = "200",
            description = "The changed product",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductView.class),
                            examples = @ExampleObject(name = "product", value = PRODUCT)))
    @APIResponse(responseCode = "400", ref = "ShopInvalidBody")
    @APIResponse(responseCode = "404", ref = "ShopNotFound")
    @APIResponse(
            responseCode = "409",
            description = "The sku is taken in this tenant",
            content =
                    @Content(
                            mediaType = PROBLEM,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "duplicate", value = DUPLICATE)))
    public ProductView update(@PathParam("id") UUID id, @Valid @NotNull ProductPatch body) {
        Product product = find(id);
        body.applyTo(product);
        product.persistAndFlush();
        return ProductView.of(product);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("tenant-admin")
    @Transactional
    @Operation(summary = "Delete a product (role tenant-admin); 409 while orders refer to it")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "ShopNotFound")
    @APIResponse(
            responseCode = "409",
            description = "Orders refer to the product",
            content =
                    @Content(
                            mediaType = PROBLEM,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "product_in_use", value = PRODUCT_IN_USE)))
    public Response delete(@PathParam("id") UUID id) {
        Product product = find(id);
        try {
            product.delete();
            Product.flush();
        } catch (PersistenceException e) {
            if (Constraints.violated(e).isEmpty()) {
                throw e;
            }
            throw ProblemException.conflict(
                    "product-in-use",
                    "Product " + id + " is part of existing orders and cannot be deleted; set its stock to 0 instead");
        }
        return Response.noContent().build();
    }

    private static Product find(UUID id) {
        Product product = Product.findById(id);
        if (product == null) {
            throw ProblemException.notFound("Product " + id);
        }
        return product;
    }
}
