package dev.tenantbridge.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/** Mints real RS256 tokens in the tests, signed with the key the service under test trusts. */
public final class Tokens {

    private Tokens() {}

    public static String issuer() {
        return ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class);
    }

    public static JwtClaimsBuilder claims(String tenant, String... roles) {
        JwtClaimsBuilder claims =
                Jwt.issuer(issuer()).subject("test-" + String.join("-", roles)).groups(java.util.Set.of(roles));
        if (tenant != null) {
            claims.claim("tenant_id", tenant);
        }
        return claims.expiresIn(Duration.ofMinutes(10));
    }

    public static String tenant(String tenant, String... roles) {
        return claims(tenant, roles).sign();
    }

    public static String user(String tenant) {
        return tenant(tenant, "user");
    }

    public static String tenantAdmin(String tenant) {
        return tenant(tenant, "tenant-admin");
    }

    public static String platformAdmin() {
        return claims(null, "platform-admin").sign();
    }
}
