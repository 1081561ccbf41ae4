package dev.tenantbridge.shop;

import static dev.tenantbridge.support.Api.activeTenant;
import static dev.tenantbridge.support.Api.as;
import static dev.tenantbridge.support.Api.assertNeedsTenantAdmin;
import static dev.tenantbridge.support.Api.assertNeedsUser;
import static dev.tenantbridge.support.Api.createUser;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.tenantbridge.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserApiTest {

    String tenant;
    String other;

    @BeforeEach
    void provision() {
        tenant = activeTenant("users");
        other = activeTenant("rival");
    }

    @Test
    void shouldCreateAUserWithDefaultsAndReadItBack() {
        String id = as(Tokens.tenantAdmin(tenant))
                .body(Map.of("email", "Ada@Example.com", "name", "Ada"))
                .post("/api/users")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/users/"))
                .body("role", equalTo("user"))
                .body("status", equalTo("active"))
                .extract()
                .path("user_id");

        as(Tokens.user(tenant))
                .get("/api/users/" + id)
                .then()
                .statusCode(200)
                .body("email", equalTo("Ada@Example.com"))
                .body("name", equalTo("Ada"))
                .body("created_at", notNullValue())
                .body("updated_at", notNullValue());
        as(Tokens.user(other)).get("/api/users/" + id).then().statusCode(404);
    }

    @Test
    void shouldRefuseAnEmailThatDiffersOnlyInLetterCase() {
        createUser(tenant, "ada@example.com");

        as(Tokens.tenantAdmin(tenant))
                .body(Map.of("email", "ADA@example.COM"))
                .post("/api/users")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("ADA@example.COM"));
        as(Tokens.user(tenant)).get("/api/users").then().body("total", equalTo(1));
        createUser(other, "ada@example.com");
    }

    @Test
    void shouldRefuseAnEmailChangeOntoAnotherUsersEmail() {
        createUser(tenant, "ada@example.com");
        String bob = createUser(tenant, "bob@example.com");

        as(Tokens.tenantAdmin(tenant))
                .body(Map.of("email", "Ada@Example.com"))
                .patch("/api/users/" + bob)
                .then()
                .statusCode(409);
        as(Tokens.user(tenant)).get("/api/users/" + bob).then().body("email", equalTo("bob@example.com"));
    }

    @Test
    void shouldListEachInvalidFieldAndStoreNothing() {
        as(Tokens.tenantAdmin(tenant))
                .body(Map.of("email", "not-an-email", "role", "owner", "status", "gone"))
                .post("/api/users")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("email", "role", "status"));
        as(Tokens.tenantAdmin(tenant))
                .body(Map.of("name", "No email"))
                .post("/api/users")
                .then()
                .statusCode(400)
                .body("violations.field", contains("email"));
        as(Tokens.user(tenant)).get("/api/users").then().body("total", equalTo(0));
    }

    @Test
    void shouldFilterByRoleAndStatus() {
        createUser(tenant, "a@example.com");
        String admin = createUser(tenant, "b@example.com");
        as(Tokens.tenantAdmin(tenant))
                .body(Map.of("role", "admin"))
                .patch("/api/users/" + admin)
                .then()
                .statusCode(200);

        as(Tokens.user(tenant))
                .queryParam("role", "admin")
                .get("/api/users")
                .then()
                .statusCode(200)
                .body("items.email", contains("b@example.com"));
        as(Tokens.user(tenant))
                .queryParam("role", "chief")
                .queryParam("status", "x")
                .queryParam("size", 0)
                .get("/api/users")
                .then()
                .statusCode(400)
                .body("violations.field", containsInAnyOrder("role", "status", "size"));
    }

    @Test
    void shouldDeactivateOnDeleteAndKeepTheUser() {
        String id = createUser(tenant, "ada@example.com");
        String before =
                as(Tokens.user(tenant)).get("/api/users/" + id).then().extract().path("updated_at");

        as(Tokens.tenantAdmin(tenant))
                .delete("/api/users/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("inactive"))
                .body("updated_at", not(equalTo(before)));

        as(Tokens.user(tenant))
                .queryParam("status", "inactive")
                .get("/api/users")
                .then()
                .body("items.user_id", contains(id));
    }

    @Test
    void shouldNotLetAnotherTenantChangeOrDeactivateAUser() {
        String id = createUser(tenant, "ada@example.com");

        as(Tokens.tenantAdmin(other))
                .body(Map.of("name", "Mallory"))
                .patch("/api/users/" + id)
                .then()
                .statusCode(404);
        as(Tokens.tenantAdmin(other)).delete("/api/users/" + id).then().statusCode(404);
        as(Tokens.user(other)).get("/api/users").then().body("total", equalTo(0));

        as(Tokens.user(tenant))
                .get("/api/users/" + id)
                .then()
                .body("name", equalTo("Test user"))
                .body("status", equalTo("active"));
    }

    @Test
    void shouldAskForTheRightRoleOnEveryUserEndpoint() {
        String id = createUser(tenant, "ada@example.com");

        assertNeedsUser(tenant, "/api/users");
        assertNeedsUser(tenant, "/api/users/" + id);
        assertNeedsTenantAdmin(tenant, "POST", "/api/users", Map.of("email", "x@example.com"));
        assertNeedsTenantAdmin(tenant, "PATCH", "/api/users/" + id, Map.of("name", "X"));
        assertNeedsTenantAdmin(tenant, "DELETE", "/api/users/" + id, Map.of());
        as(Tokens.user(tenant)).get("/api/users/" + id).then().body("status", equalTo("active"));
    }
}
