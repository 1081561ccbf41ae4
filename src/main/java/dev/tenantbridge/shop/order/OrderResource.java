package dev.tenantbridge.shop.order;

import static dev.tenantbridge.shop.ShopDocs.*;

import dev.tenantbridge.common.BridgeConfig;
import dev.tenantbridge.common.Created;
import dev.tenantbridge.common.Page;
import dev.tenantbridge.common.Problem;
import dev.tenantbridge.common.ProblemException;
import dev.tenantbridge.common.QueryParams;
import dev.tenantbridge.common.Where;
import dev.tenantbridge.tenancy.TenantApi;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.regex.Pattern;
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

/** The tenant's orders: placing them (idempotently with a key), reading them and moving them through statuses. */
@Path("/api/orders")
@TenantApi
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders", description = "The tenant's orders and their items")
@APIResponse(responseCode = "423", ref = "ShopTenantSuspended")
public class OrderResource {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    static final String[] LIST_PARAMETERS = {"page", "size", "status", "user_id", "from", "to"};

    /** Printable ASCII without spaces at either end, as clients generate them (UUIDs, random tokens). */
    private static final Pattern KEY_SHAPE = Pattern.compile("[\\x21-\\x7e]([\\x20-\\x7e]{0,253}[\\x21-\\x7e])?");

    private final OrderService orders;
    private final BridgeConfig config;

    OrderResource(OrderService orders, BridgeConfig config) {
        this.orders = orders;
        this.config = config;
    }

    @POST
    @RolesAllowed("tenant-admin")
    @Transactional
    @Operation(summary = "Place an order (role tenant-admin): stock is taken at the current prices, or nothing changes")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "order_request", value = ORDER_REQUEST)))
    @APIResponse(
            responseCode = "201",
            description = "Placed, or replayed for a repeated Idempotency-Key (header Idempotent-Replayed: true)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OrderView.class),
                            examples = @ExampleObject(name = "order", value = ORDER)))
    @APIResponse(responseCode = "400", ref = "ShopInvalidBody")
    @APIResponse(
            responseCode = "409",
            description = "A product is short of stock (each listed), or the user is inactive; nothing changed",
            content =
                    @Content(
                            mediaType = PROBLEM,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "short_stock", value = SHORT_STOCK)))
    @APIResponse(
            responseCode = "422",
            description =
                    "An unknown user or product, an amount too large, or an Idempotency-Key reused for another body",
            content =
                    @Content(
                            mediaType = PROBLEM,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "key_reused", value = KEY_REUSED)))
    public Response place(
            @Valid @NotNull OrderRequest body,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Context UriInfo uri) {
        if (idempotencyKey != null && !KEY_SHAPE.matcher(idempotencyKey).matches()) {
            throw ProblemException.badRequest(
                    "invalid-idempotency-key", "Idempotency-Key must be 1 to 255 printable ASCII characters");
        }
        body.requireDistinctProducts();
        OrderService.Placed placed = orders.place(body, idempotencyKey);
        return Created.at(uri, placed.order().orderId, OrderView.of(placed.order()))
                .header(REPLAYED, placed.replayed())
                .build();
    }

    @GET
    @RolesAllowed({"user", "tenant-admin"})
    @Transactional
    @Operation(summary = "List the tenant's orders with their items, newest first, a page at a time")
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
            name = "status",
            in = ParameterIn.QUERY,
            description = "pending, paid, shipped, delivered or cancelled",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = "user_id",
            in = ParameterIn.QUERY,
            description = "Only this user's orders",
            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @Parameter(
            name = "from",
            in = ParameterIn.QUERY,
            description = "First day, inclusive (2026-03-01)",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    @Parameter(
            name = "to",
            in = ParameterIn.QUERY,
            description = "Last day, inclusive",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    @APIResponse(
            responseCode = "200",
            description = "One page of orders",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "order_page", value = ORDER_PAGE)))
    @APIResponse(responseCode = "400", ref = "ShopInvalidQuery")
    public Page<OrderView> list(@Context UriInfo uri) {
        QueryParams params = QueryParams.of(uri, LIST_PARAMETERS);
        Page.Request request = params.page(config.maxPageSize());
        OrderFilter filter = OrderFilter.read(params);
        params.check();
        Where where = filter.where();
        Sort newestFirst = Sort.descending("createdAt", "orderId");
        PanacheQuery<Order> query = Order.find(where.clause(), newestFirst, where.parameters());
        return request.of(query, OrderView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"user", "tenant-admin"})
    @Transactional
    @Operation(summary = "Read one order with its items")
    @APIResponse(
            responseCode = "200",
            description = "The order",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OrderView.class),
                            examples = @ExampleObject(name = "order", value = ORDER)))
    @APIResponse(responseCode = "404", ref = "ShopNotFound")
    public OrderView get(@PathParam("id") UUID id) {
        return OrderView.of(orders.find(id, false));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed("tenant-admin")
    @Transactional
    @Operation(summary = "Move an order to another status (role tenant-admin); a cancel returns the items to stock")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "status_change", value = STATUS_CHANGE)))
    @APIResponse(
            responseCode = "200",
            description = "The order in its new status",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OrderView.class),
                            examples = @ExampleObject(name = "order", value = ORDER)))
    @APIResponse(responseCode = "400", ref = "ShopInvalidBody")
    @APIResponse(responseCode = "404", ref = "ShopNotFound")
    @APIResponse(
            responseCode = "409",
            description = "The order cannot move from its status to the one asked for; nothing changed",
            content =
                    @Content(
                            mediaType = PROBLEM,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "illegal_transition", value = ILLEGAL_TRANSITION)))
    public OrderView changeStatus(@PathParam("id") UUID id, @Valid @NotNull OrderStatusChange body) {
        return OrderView.of(orders.changeStatus(id, body.status()));
    }
}
