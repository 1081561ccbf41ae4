package dev.tenantbridge.shop;

import static dev.tenantbridge.support.Api.activeTenant;
import static dev.tenantbridge.support.Api.as;
import static dev.tenantbridge.support.Api.assertNeedsTenantAdmin;
import static dev.tenantbridge.support.Api.assertNeedsUser;
import static dev.tenantbridge.support.Api.createProduct;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantbridge.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
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
                .header("Location", containsString("/api/products/"))
                .extract()
                .path("product_id");

        String body = as(Tokens.user(tenant))
                .get("/api/products/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Anvil"))
                .body("stock_quantity", equalTo(7))
                .body("sku", equalTo("ANV-7"))
                .body("category", equalTo("tools"))
                .body("created_at", notNullValue())
                .body("updated_at", notNullValue())
                .extract()
                .asString();
        assertTrue(body.contains("\"price\":19.90"), body);
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
    void shouldFilterByCategoryPriceRangeAndStock() {
        product("Hammer", "H-1", "tools", "10.00", 5);
        product("Saw", "S-1", "tools", "25.00", 0);
        product("Glue", "G-1", "supplies", "3.50", 9);
        product("Drill", "D-1", "tools", "99.99", 2);

        as(Tokens.user(tenant))
                .queryParam("category", "tools")
                .queryParam("min_price", "10")
                .queryParam("max_price", "50.00")
                .get("/api/products")
                .then()
                .statusCode(200)
                .body("items.name", containsInAnyOrder("Hammer", "Saw"));
        as(Tokens.user(tenant))
                .queryParam("in_stock", "true")
                .queryParam("sort", "price")
                .get("/api/products")
                .then()
                .body("items.name", contains("Glue", "Hammer", "Drill"));
        as(Tokens.user(tenant))
                .queryParam("in_stock", "false")
                .get("/api/products")
                .then()
                .body("items.name", contains("Saw"));
        as(Tokens.user(other))
                .queryParam("category", "tools")
                .get("/api/products")
                .then()
                .body("total", equalTo(0));
    }

    @Test
    void shouldKeepEqualValuesInOneOrderAcrossPages() {
        for (int i = 0; i < 6; i++) {
            product("Same " + i, "EQ-" + i, "tools", "5.00", 1);
        }

        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            seen.addAll(as(Tokens.user(tenant))
                    .queryParam("sort", "-price")
                    .queryParam("size", 2)
                    .queryParam("page", page)
                    .get("/api/products")
                    .then()
                    .statusCode(200)
                    .extract()
                    .<List<String>>path("items.product_id"));
        }

        assertEquals(6, seen.stream().distinct().count(), seen.toString());
    }

    @Test
    void shouldListEveryBadQueryParameterInOneProblem() {
        as(Tokens.user(tenant))
                .queryParam("size", 1000)
                .queryParam("page", "first")
                .queryParam("min_price", "-1")
                .queryParam("in_stock", "maybe")
                .queryParam("colour", "red")
                .queryParam("sort", "weight")
                .get("/api/products")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "violations.field",
                        containsInAnyOrder("size", "page", "min_price", "in_stock", "colour", "sort"));
        as(Tokens.user(tenant))
                .queryParam("min_price", "20")
                .queryParam("max_price", "10")
                .get("/api/products")
                .then()
                .statusCode(400)
                .body("violations.field", contains("max_price"));
    }

    @Test
    void shouldListEachInvalidFieldAndStoreNothing() {
        as(Tokens.tenantAdmin(tenant))
                .body(Map.of("name", " ", "price", "-1.005", "stock_quantity", -3))
                .post("/api/products")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("name", "price", "price", "stock_quantity"));
        as(Tokens.tenantAdmin(tenant))
                .body(Map.of("name", "Cheap", "price", "1.999"))
                .post("/api/products")
                .then()
                .statusCode(400)
                .body("violations.field", contains("price"));
        as(Tokens.user(tenant)).get("/api/products").then().body("total", equalTo(0));
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

    @Test
    void shouldUpdateOnlyTheGivenFieldsAndLetTheDatabaseStampTheChange() {
        String id = product("Anvil", "ANV-1", "tools", "10.00", 4);
        String created = as(Tokens.user(tenant))
                .get("/api/products/" + id)
                .then()
                .extract()
                .path("updated_at");

        as(Tokens.tenantAdmin(tenant))
                .body(Map.of("price", "12.34", "stock_quantity", 9))
                .patch("/api/products/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Anvil"))
                .body("category", equalTo("tools"))
                .body("price", equalTo(12.34f))
                .body("stock_quantity", equalTo(9))
                .body("updated_at", not(equalTo(created)));
        as(Tokens.tenantAdmin(tenant))
                .body(Map.of("price", "-2"))
                .patch("/api/products/" + id)
                .then()
                .statusCode(400)
                .body("violations.field", contains("price"));
    }

    @Test
    void shouldRefuseASkuChangeOntoAnotherProductsSku() {
        createProduct(tenant, "Anvil", "ANV-1");
        String hammer = createProduct(tenant, "Hammer", "HAM-1");

        as(Tokens.tenantAdmin(tenant))
                .body(Map.of("sku", "ANV-1"))
                .patch("/api/products/" + hammer)
                .then()
                .statusCode(409);
        as(Tokens.user(tenant)).get("/api/products/" + hammer).then().body("sku", equalTo("HAM-1"));
    }

    @Test
    void shouldDeleteAProductAndAnswer404Afterwards() {
        String id = createProduct(tenant, "Anvil", "ANV-1");

        as(Tokens.tenantAdmin(tenant)).delete("/api/products/" + id).then().statusCode(204);
        as(Tokens.user(tenant)).get("/api/products/" + id).then().statusCode(404);
        as(Tokens.tenantAdmin(tenant)).delete("/api/products/" + id).then().statusCode(404);
    }

    @Test
    void shouldNotLetAnotherTenantChangeOrDeleteAProduct() {
        String id = createProduct(tenant, "Anvil", "ANV-1");

        as(Tokens.tenantAdmin(other))
                .body(Map.of("name", "Stolen"))
                .patch("/api/products/" + id)
                .then()
                .statusCode(404);
        as(Tokens.tenantAdmin(other)).delete("/api/products/" + id).then().statusCode(404);

        as(Tokens.user(tenant))
                .get("/api/products/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Anvil"));
    }

    @Test
    void shouldAskForTheRightRoleOnEveryProductEndpoint() {
        String id = createProduct(tenant, "Anvil", "ANV-1");

        assertNeedsUser(tenant, "/api/products");
        assertNeedsUser(tenant, "/api/products/" + id);
        assertNeedsTenantAdmin(tenant, "POST", "/api/products", Map.of("name", "X", "price", "1.00"));
        assertNeedsTenantAdmin(tenant, "PATCH", "/api/products/" + id, Map.of("name", "X"));
        assertNeedsTenantAdmin(tenant, "DELETE", "/api/products/" + id, Map.of());
        as(Tokens.user(tenant)).get("/api/products/" + id).then().body("name", equalTo("Anvil"));
    }

    private String product(String name, String sku, String category, String price, int stock) {
        return as(Tokens.tenantAdmin(tenant))
                .body(Map.of("name", name, "sku", sku, "category", category, "price", price, "stock_quantity", stock))
                .post("/api/products")
                .then()
                .statusCode(201)
                .extract()
                .path("product_id");
    }
}
