package dev.tenantbridge.local;

import dev.tenantbridge.common.ProblemException;
import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Dev mode only: hands out signed tokens for a tenant and role so the service can be tried with curl. The class
 * is removed from every other build, so no such endpoint exists in tests or production.
 */
@Path("/dev/token")
@IfBuildProfile("dev")
@PermitAll
public class DevTokenResource {

    private static final Set<String> ROLES = Set.of("user", "tenant-admin", "platform-admin");

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String token(@QueryParam("tenant") String tenant, @QueryParam("role") String role) {
        if (role == null || !ROLES.contains(role)) {
            throw ProblemException.badRequest("bad-role", "role must be one of " + ROLES);
        }
        JwtClaimsBuilder claims =
                Jwt.issuer(issuer).subject("dev-" + role).groups(role).expiresIn(Duration.ofHours(8));
        if (tenant != null && !tenant.isBlank()) {
            claims.claim("tenant_id", tenant);
        }
        return claims.sign();
    }
}
