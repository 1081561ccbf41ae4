package dev.tenantbridge.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Short forms for the HTTP calls the tests make against the running service. */
public final class Api {

    private Api() {}

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A tenant id no other test uses, so tests can share one database. */
    public static String uniqueTenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static ValidatableResponse provision(String tenant) {
        return as(Tokens.platformAdmin())
                .body(Map.of("id", tenant))
                .post("/admin/tenants")
                .then();
    }

    /** Provisions a tenant and checks it came out active. */
    public static String activeTenant(String prefix) {
        String tenant = uniqueTenant(prefix);
        provision(tenant).statusCode(201);
        return tenant;
    }

    public static String createProduct(String tenant, String name, String sku) {
        return createProduct(tenant, name, sku, "12.50", 3);
    }

    public static String createProduct(String tenant, String name, String sku, String price, int stock) {
        return as(Tokens.tenantAdmin(tenant))
                .body(Map.of("name", name, "price", price, "stock_quantity", stock, "sku", sku))
                .post("/api/products")
                .then()
                .statusCode(201)
                .extract()
                .path("product_id");
    }

    public static String createUser(String tenant, String email) {
        return as(Tokens.tenantAdmin(tenant))
                .body(Map.of("email", email, "name", "Test user"))
                .post("/api/users")
                .then()
                .statusCode(201)
                .extract()
                .path("user_id");
    }

    /** The stock of a product as the API reports it. */
    public static int stockOf(String tenant, String productId) {
        return as(Tokens.user(tenant))
                .get("/api/products/" + productId)
                .then()
                .statusCode(200)
                .extract()
                .path("stock_quantity");
    }

    /** A write of the tenant API: 401 without a token, 403 for a plain user of the tenant. */
    public static void assertNeedsTenantAdmin(String tenant, String method, String path, Object body) {
        given().contentType(ContentType.JSON)
                .body(body)
                .request(method, path)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        as(Tokens.user(tenant))
                .body(body)
                .request(method, path)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    /** A read of the tenant API: 401 without a token, 403 for a token without a tenant role. */
    public static void assertNeedsUser(String tenant, String path) {
        given().get(path).then().statusCode(401).contentType("application/problem+json");
        as(Tokens.tenant(tenant, "platform-admin"))
                .get(path)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    /** Places an order of one product as the tenant admin and returns the response for checking. */
    public static ValidatableResponse order(String tenant, String userId, Map<String, Integer> quantities) {
        return as(Tokens.tenantAdmin(tenant))
                .body(Map.of("user_id", userId, "items", lines(quantities)))
                .post("/api/orders")
                .then();
    }

    public static java.util.List<Map<String, Object>> lines(Map<String, Integer> quantities) {
        return quantities.entrySet().stream()
                .map(e -> Map.<String, Object>of("product_id", e.getKey(), "quantity", e.getValue()))
                .toList();
    }
}
