package dev.tenantbridge.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The 201 answer to a create: the new resource's location below the request path, and its representation. */
public final class Created {

    private Created() {}

    public static Response.ResponseBuilder at(UriInfo uri, Object id, Object entity) {
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build())
                .entity(entity);
    }
}
