package dev.tenantbridge.common;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Answers a path that no resource serves with a problem+json 404 instead of the server's plain page. */
@ApplicationScoped
public class NotFoundRoute {

    void install(@Observes Router router) {
        router.errorHandler(404, context -> {
            if (context.response().headWritten()) {
                return;
            }
            Problem problem =
                    Problems.of(404, null, "No resource exists at this path").withInstance(context.normalizedPath());
            context.response()
                    .setStatusCode(404)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(Json.encode(problem));
        });
    }
}
