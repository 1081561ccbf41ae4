package dev.tenantbridge.shop;

import static dev.tenantbridge.support.Api.activeTenant;
import static dev.tenantbridge.support.Api.as;
import static dev.tenantbridge.support.Api.createProduct;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.tenantbridge.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProductApiTest {

    String tenant;
    String other;

    @BeforeEach
    void provision() {
        tenant = activeTenant("shop");
        other = activeTenant("rival");
    }

    @Test
    void shouldCreateAndReadBackAProductWithExactMoney() {
        String id = as(Tokens.tenantAdmin(tenant))
                .body(Map.of(
                        "name",
                        "Anvil",
                        "description",
                        "Heavy",
                        "price",
                        "19.90",
                        "stock_quantity",
                        7,
                        "sku",
                        "ANV-7",
                        "category",
                        "tools"))
                .post("/api/products")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/products/"))
                .extract()
                .path("product_id");

        as(Tokens.user(tenant))
                .get("/api/products/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Anvil"))
                .body("price", equalTo(19.90f))
                .body("stock_quantity", equalTo(7))
                .body("sku", equalTo("ANV-7"))
                .body("category", equalTo("tools"))
                .body("created_at", notNullValue())
                .body("updated_at", notNullValue());
        as(Tokens.user(other)).get("/api/products/" + id).then().statusCode(404);
    }

    @Test
    void shouldPageThroughProductsAndSayWhereTheNextPageIs() {
        for (int i = 0; i < 5; i++) {
            createProduct(tenant, "Item " + i, "SKU-" + i);
        }

        as(Tokens.user(tenant))
                .queryParam("size", 2)
                .get("/api/products")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("total", equalTo(5))
                .body("next_page", equalTo(1));
        as(Tokens.user(tenant))
                .queryParam("size", 2)
                .queryParam("page", 2)
                .get("/api/products")
                .then()
                .body("items", hasSize(1))
                .body("next_page", nullValue());
        as(Tokens.user(other)).get("/api/products").then().body("total", equalTo(0));
    }

    @Test
    void shouldRefuseADuplicateSkuWithinOneTenant() {
        createProduct(tenant, "Anvil", "DUP-1");

        as(Tokens.tenantAdmin(tenant))
                .body(Map.of("name", "Second anvil", "price", "1.00", "sku", "DUP-1"))
                .post("/api/products")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("Another record already has this sku"));
        as(Tokens.user(tenant)).get("/api/products").then().body("total", equalTo(1));
    }
}
