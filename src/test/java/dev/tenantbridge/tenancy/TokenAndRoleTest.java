package dev.tenantbridge.tenancy;

import static dev.tenantbridge.support.Api.activeTenant;
import static dev.tenantbridge.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.tenantbridge.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TokenAndRoleTest {

    String tenant;

    @BeforeEach
    void provision() {
        tenant = activeTenant("auth");
    }

    @Test
    void shouldAnswer401WithAProblemWhenTheTokenIsMissing() {
        given().get("/api/products")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
        given().get("/admin/tenants").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer401ForAnExpiredToken() {
        String expired = Tokens.claims(tenant, "user")
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .sign();
        as(expired).get("/api/products").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer401ForATokenFromAnotherIssuer() {
        String foreign = Jwt.issuer("https://someone-else.example")
                .groups("user")
                .claim("tenant_id", tenant)
                .sign();
        as(foreign).get("/api/products").then().statusCode(401);
    }

    @Test
    void shouldAnswer401ForATokenSignedWithAnotherKey() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Tokens.claims(tenant, "tenant-admin")
                .sign(generator.generateKeyPair().getPrivate());
        as(forged).get("/api/products").then().statusCode(401);
    }

    @Test
    void shouldAnswer401ForATokenWhosePayloadWasTamperedWith() {
        String[] parts = Tokens.user(tenant).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String tampered = payload.replace("\"user\"", "\"tenant-admin\"");
        String token = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        as(token)
                .body(Map.of("name", "Anvil", "price", "1.00"))
                .post("/api/products")
                .then()
                .statusCode(401);
    }

    @Test
    void shouldAnswer403WhenTheRoleMayNotWrite() {
        as(Tokens.user(tenant))
                .body(Map.of("name", "Anvil", "price", "1.00"))
                .post("/api/products")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as(Tokens.tenantAdmin(tenant)).get("/admin/tenants").then().statusCode(403);
    }

    @Test
    void shouldAnswer403ForATokenNamingAnUnknownTenant() {
        as(Tokens.user("nobody-here"))
                .get("/api/products")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:tenant-bridge:problem:unknown-tenant"));
        as(Tokens.user("NOT;a valid id")).get("/api/products").then().statusCode(403);
    }

    @Test
    void shouldAnswer403ForATenantApiCallWithoutTenantClaim() {
        as(Tokens.tenant(null, "user"))
                .get("/api/products")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:tenant-bridge:problem:no-tenant"));
        as(Tokens.platformAdmin()).get("/api/products").then().statusCode(403);
    }

    @Test
    void shouldAnswer423WhileTheTenantIsSuspendedAndServeItAgainAfterResume() {
        as(Tokens.platformAdmin())
                .post("/admin/tenants/" + tenant + "/suspend")
                .then()
                .statusCode(200)
                .body("status", equalTo("suspended"));
        as(Tokens.user(tenant)).get("/api/products").then().statusCode(423).contentType("application/problem+json");

        as(Tokens.platformAdmin())
                .post("/admin/tenants/" + tenant + "/resume")
                .then()
                .statusCode(200)
                .body("status", equalTo("active"));
        as(Tokens.user(tenant)).get("/api/products").then().statusCode(200);
    }
}
