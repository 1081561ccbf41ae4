package dev.tenantbridge.shop.user;

import static dev.tenantbridge.shop.ShopDocs.*;

import dev.tenantbridge.common.BridgeConfig;
import dev.tenantbridge.common.Constraints;
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
import java.util.Set;
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

/** The tenant's shop users. Emails are unique per tenant whatever their case; deleting a user deactivates it. */
@Path("/api/users")
@TenantApi
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "The tenant's shop users")
@APIResponse(responseCode = "423", ref = "ShopTenantSuspended")
public class UserResource {

    static final String[] LIST_PARAMETERS = {"page", "size", "role", "status"};

    /** The unique constraints on email: the template's, and the case-insensitive index of tenant version 2. */
    private static final Set<String> EMAIL_CONSTRAINTS = Set.of("users_email_key", "users_email_ci_key");

    private final BridgeConfig config;

    UserResource(BridgeConfig config) {
        this.config = config;
    }

    @GET
    @RolesAllowed({"user", "tenant-admin"})
    @Transactional
    @Operation(summary = "List the tenant's users a page at a time, oldest first, filtered by role and status")
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
            name = "role",
            in = ParameterIn.QUERY,
            description = "user or admin",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = "status",
            in = ParameterIn.QUERY,
            description = "active or inactive",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(
            responseCode = "200",
            description = "One page of users",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "user_page", value = USER_PAGE)))
    @APIResponse(responseCode = "400", ref = "ShopInvalidQuery")
    public Page<UserView> list(@Context UriInfo uri) {
        QueryParams params = QueryParams.of(uri, LIST_PARAMETERS);
        Page.Request request = params.page(config.maxPageSize());
        Where where = new Where()
                .and("role = :role", "role", params.oneOf("role", "user", "admin"))
                .and("status = :status", "status", params.oneOf("status", User.ACTIVE, User.INACTIVE));
        params.check();
        PanacheQuery<User> query =
                User.find(where.clause(), Sort.by("createdAt").and("userId"), where.parameters());
        return request.of(query, UserView::of);
    }

    @POST
    @RolesAllowed("tenant-admin")
    @Transactional
    @Operation(summary = "Create a user (role tenant-admin); 409 when the email is taken in any letter case")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "user_request", value = USER_REQUEST)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the user",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = UserView.class),
                            examples = @ExampleObject(name = "user", value = USER)))
    @APIResponse(responseCode = "400", ref = "ShopInvalidBody")
    @APIResponse(
            responseCode = "409",
            description = "The email is taken in this tenant, in any letter case",
            content =
                    @Content(
                            mediaType = PROBLEM,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "duplicate", value = DUPLICATE)))
    public Response create(@Valid @NotNull UserRequest body, @Context UriInfo uri) {
        User user = body.toUser();
        save(user);
        return Created.at(uri, user.userId, UserView.of(user)).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"user", "tenant-admin"})
    @Transactional
    @Operation(summary = "Read one user of the tenant")
    @APIResponse(
            responseCode = "200",
            description = "The user",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = UserView.class),
                            examples = @ExampleObject(name = "user", value = USER)))
    @APIResponse(responseCode = "404", ref = "ShopNotFound")
    public UserView get(@PathParam("id") UUID id) {
        return UserView.of(find(id));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed("tenant-admin")
    @Transactional
    @Operation(summary = "Change some fields of a user (role tenant-admin); absent fields keep their value")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "user_request", value = USER_REQUEST)))
    @APIResponse(
            responseCode = "200",
            description = "The changed user",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = UserView.class),
                            examples = @ExampleObject(name = "user", value = USER)))
    @APIResponse(responseCode = "400", ref = "ShopInvalidBody")
    @APIResponse(responseCode = "404", ref = "ShopNotFound")
    @APIResponse(
            responseCode = "409",
            description = "The email is taken in this tenant, in any letter case",
            content =
                    @Content(
                            mediaType = PROBLEM,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "duplicate", value = DUPLICATE)))
    public UserView update(@PathParam("id") UUID id, @Valid @NotNull UserPatch body) {
        User user = find(id);
        body.applyTo(user);
        save(user);
        return UserView.of(user);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("tenant-admin")
    @Transactional
    @Operation(summary = "Deactivate a user (role tenant-admin); its orders stay, and it can place no new ones")
    @APIResponse(
            responseCode = "200",
            description = "The deactivated user",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = UserView.class),
                            examples = @ExampleObject(name = "user", value = USER)))
    @APIResponse(responseCode = "404", ref = "ShopNotFound")
    public UserView deactivate(@PathParam("id") UUID id) {
        User user = find(id);
        user.status = User.INACTIVE;
        save(user);
        return UserView.of(user);
    }

    /** Writes the user now, so that a taken email is answered here with 409 rather than at commit. */
    private static void save(User user) {
        try {
            user.persistAndFlush();
        } catch (PersistenceException e) {
            if (Constraints.violated(e).filter(EMAIL_CONSTRAINTS::contains).isEmpty()) {
                throw e;
            }
            throw ProblemException.conflict(
                    "duplicate", "Another user already has the email " + user.email + " (letter case aside)");
        }
    }

    private static User find(UUID id) {
        User user = User.findById(id);
        if (user == null) {
            throw ProblemException.notFound("User " + id);
        }
        return user;
    }
}
