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
        return as(Tokens.tenantAdmin(tenant))
                .body(Map.of("name", name, "price", "12.50", "stock_quantity", 3, "sku", sku))
                .post("/api/products")
                .then()
                .statusCode(201)
                .extract()
                .path("product_id");
    }
}
