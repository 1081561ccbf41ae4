package dev.tenantbridge.shop;

import static dev.tenantbridge.support.Api.activeTenant;
import static dev.tenantbridge.support.Api.as;
import static dev.tenantbridge.support.Api.assertNeedsTenantAdmin;
import static dev.tenantbridge.support.Api.assertNeedsUser;
import static dev.tenantbridge.support.Api.createProduct;
import static dev.tenantbridge.support.Api.createUser;
import static dev.tenantbridge.support.Api.lines;
import static dev.tenantbridge.support.Api.order;
import static dev.tenantbridge.support.Api.stockOf;
import static dev.tenantbridge.support.Database.countAsOwner;
import static dev.tenantbridge.support.Database.ordersWithWrongTotal;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenantbridge.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderApiTest {

    String tenant;
    String other;
    String user;
    String anvil;
    String hammer;

    @BeforeEach
    void provision() {
        tenant = activeTenant("orders");
        other = activeTenant("rival");
        user = createUser(tenant, "buyer@example.com");
        anvil = createProduct(tenant, "Anvil", "ANV-1", "19.99", 5);
        hammer = createProduct(tenant, "Hammer", "HAM-1", "7.25", 2);
    }

    @AfterEach
    void everyTotalAddsUp() {
        assertEquals(0, ordersWithWrongTotal(tenant));
    }

    @Test
    void shouldPlaceAnOrderAtTheCurrentPricesAndTakeTheStock() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_id", user);
        body.put("items", lines(Map.of(anvil, 2, hammer, 1)));
        body.put("tax_amount", "3.10");
        body.put("shipping_amount", "4.95");
        body.put("shipping_address", "1 Road");

        var placed = as(Tokens.tenantAdmin(tenant))
                .body(body)
                .post("/api/orders")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/orders/"))
                .body("status", equalTo("pending"))
                .body("items", hasSize(2))
                .extract()
                .jsonPath()
                .using(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

        assertEquals(new BigDecimal("55.28"), placed.get("total_amount"));
        assertEquals(new BigDecimal("39.98"), placed.get("items.find { it.product_id == '" + anvil + "' }.subtotal"));
        assertEquals(3, stockOf(tenant, anvil));
        assertEquals(1, stockOf(tenant, hammer));
        as(Tokens.user(tenant))
                .get("/api/orders/" + placed.getString("order_id"))
                .then()
                .statusCode(200)
                .body("items.unit_price", containsInAnyOrder(19.99f, 7.25f))
                .body("shipping_address", equalTo("1 Road"));
    }

    @Test
    void shouldKeepTheOrderedPriceWhenTheProductPriceChangesLater() {
        String id =
                order(tenant, user, Map.of(anvil, 1)).statusCode(201).extract().path("order_id");

        as(Tokens.tenantAdmin(tenant))
                .body(Map.of("price", "99.00"))
                .patch("/api/products/" + anvil)
                .then()
                .statusCode(200);

        as(Tokens.user(tenant))
                .get("/api/orders/" + id)
                .then()
                .body("items[0].unit_price", equalTo(19.99f))
                .body("total_amount", equalTo(19.99f));
    }

    @Test
    void shouldRefuseAnOrderWhenStockIsShortNamingTheProductsAndChangeNothing() {
        order(tenant, user, Map.of(anvil, 5, hammer, 3))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("Hammer"))
                .body("detail", not(containsString("Anvil")))
                .body("violations[0].message", containsString("3 requested, 2 in stock"));

        assertEquals(5, stockOf(tenant, anvil));
        assertEquals(2, stockOf(tenant, hammer));
        as(Tokens.user(tenant)).get("/api/orders").then().body("total", equalTo(0));
        assertEquals(0, countAsOwner(tenant, "order_items", "true"));
    }

    @Test
    void shouldRefuseAnotherTenantsProductAndUserAndLeaveThemUntouched() {
        String theirs = createProduct(other, "Rocket", "ROC-1", "5.00", 4);
        String theirUser = createUser(other, "them@example.com");

        order(tenant, user, Map.of(theirs, 1))
                .statusCode(422)
                .body("violations.field", contains("items[0].product_id"));
        order(tenant, theirUser, Map.of(anvil, 1)).statusCode(422).body("violations.field", contains("user_id"));

        assertEquals(4, stockOf(other, theirs));
        assertEquals(5, stockOf(tenant, anvil));
        as(Tokens.user(other)).get("/api/orders").then().body("total", equalTo(0));
    }

    @Test
    void shouldRefuseAnOrderForAnInactiveUser() {
        as(Tokens.tenantAdmin(tenant)).delete("/api/users/" + user).then().statusCode(200);

        order(tenant, user, Map.of(anvil, 1)).statusCode(409).body("type", containsString("user-inactive"));
        assertEquals(5, stockOf(tenant, anvil));
    }

    @Test
    void shouldListEachInvalidFieldOfAnOrder() {
        as(Tokens.tenantAdmin(tenant))
                .body(Map.of(
                        "items",
                        java.util.List.of(Map.of("product_id", anvil, "quantity", 0), Map.of("quantity", 1)),
                        "tax_amount",
                        "-1",
                        "shipping_amount",
                        "1.001"))
                .post("/api/orders")
                .then()
                .statusCode(400)
                .body(
                        "violations.field",
                        containsInAnyOrder("user_id", "quantity", "product_id", "tax_amount", "shipping_amount"));
        as(Tokens.tenantAdmin(tenant))
                .body(Map.of("user_id", user, "items", java.util.List.of()))
                .post("/api/orders")
                .then()
                .statusCode(400)
                .body("violations.field", contains("items"));
        as(Tokens.tenantAdmin(tenant))
                .body(Map.of(
                        "user_id",
                        user,
                        "items",
                        java.util.List.of(
                                Map.of("product_id", anvil, "quantity", 1),
                                Map.of("product_id", anvil, "quantity", 2))))
                .post("/api/orders")
                .then()
                .statusCode(400)
                .body("violations.field", contains("items[1].product_id"));
        assertEquals(5, stockOf(tenant, anvil));
    }

    @Test
    void shouldWalkThroughTheStatusesAndStampEachChange() {
        String id =
                order(tenant, user, Map.of(anvil, 1)).statusCode(201).extract().path("order_id");
        String stamp = as(Tokens.user(tenant))
                .get("/api/orders/" + id)
                .then()
                .extract()
                .path("updated_at");

        for (String status : new String[] {"paid", "shipped", "delivered"}) {
            String next = as(Tokens.tenantAdmin(tenant))
                    .body(Map.of("status", status))
                    .patch("/api/orders/" + id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo(status))
                    .body("updated_at", not(equalTo(stamp)))
                    .extract()
                    .path("updated_at");
            stamp = next;
        }

        changeStatus(id, "cancelled").statusCode(409).body("type", containsString("illegal-transition"));
        as(Tokens.user(tenant)).get("/api/orders/" + id).then().body("status", equalTo("delivered"));
        assertEquals(4, stockOf(tenant, anvil));
    }

    @Test
    void shouldRefuseIllegalTransitionsAndChangeNothing() {
        String id =
                order(tenant, user, Map.of(anvil, 1)).statusCode(201).extract().path("order_id");
        String stamp = as(Tokens.user(tenant))
                .get("/api/orders/" + id)
                .then()
                .extract()
                .path("updated_at");

        changeStatus(id, "shipped").statusCode(409);
        changeStatus(id, "pending").statusCode(409);
        changeStatus(id, "lost").statusCode(400).body("violations.field", contains("status"));

        as(Tokens.user(tenant))
                .get("/api/orders/" + id)
                .then()
                .body("status", equalTo("pending"))
                .body("updated_at", equalTo(stamp));
    }

    @Test
    void shouldReturnTheItemsToStockOnCancelExactlyOnce() {
        String id = order(tenant, user, Map.of(anvil, 3, hammer, 2))
                .statusCode(201)
                .extract()
                .path("order_id");
        changeStatus(id, "paid").statusCode(200);
        assertEquals(2, stockOf(tenant, anvil));
        assertEquals(0, stockOf(tenant, hammer));

        changeStatus(id, "cancelled").statusCode(200).body("status", equalTo("cancelled"));
        changeStatus(id, "cancelled").statusCode(409);

        assertEquals(5, stockOf(tenant, anvil));
        assertEquals(2, stockOf(tenant, hammer));
    }

    @Test
    void shouldFilterOrdersByStatusUserAndDate() {
        String second = createUser(tenant, "second@example.com");
        String first = order(tenant, user, Map.of(anvil, 1)).extract().path("order_id");
        String paid = order(tenant, second, Map.of(anvil, 1)).extract().path("order_id");
        changeStatus(paid, "paid").statusCode(200);
        String today = LocalDate.now().toString();

        as(Tokens.user(tenant))
                .queryParam("status", "paid")
                .get("/api/orders")
                .then()
                .body("items.order_id", contains(paid));
        as(Tokens.user(tenant))
                .queryParam("user_id", user)
                .queryParam("from", today)
                .queryParam("to", today)
                .get("/api/orders")
                .then()
                .body("items.order_id", contains(first))
                .body("items[0].items", hasSize(1));
        as(Tokens.user(tenant))
                .queryParam("to", LocalDate.now().minusDays(1).toString())
                .get("/api/orders")
                .then()
                .body("total", equalTo(0));
        as(Tokens.user(tenant))
                .queryParam("from", today)
                .queryParam("to", "2000-01-01")
                .queryParam("user_id", "nobody")
                .queryParam("status", "lost")
                .queryParam("sort", "total")
                .get("/api/orders")
                .then()
                .statusCode(400)
                .body("violations.field", containsInAnyOrder("to", "user_id", "status", "sort"));
        as(Tokens.user(other)).get("/api/orders").then().body("total", equalTo(0));
    }

    @Test
    void shouldHideOrdersFromAnotherTenantAndLeaveThemUntouched() {
        String id =
                order(tenant, user, Map.of(anvil, 2)).statusCode(201).extract().path("order_id");

        as(Tokens.user(other)).get("/api/orders/" + id).then().statusCode(404);
        as(Tokens.tenantAdmin(other))
                .body(Map.of("status", "cancelled"))
                .patch("/api/orders/" + id)
                .then()
                .statusCode(404);

        as(Tokens.user(tenant)).get("/api/orders/" + id).then().body("status", equalTo("pending"));
        assertEquals(3, stockOf(tenant, anvil));
    }

    @Test
    void shouldAskForTheRightRoleOnEveryOrderEndpoint() {
        String id =
                order(tenant, user, Map.of(anvil, 1)).statusCode(201).extract().path("order_id");

        assertNeedsUser(tenant, "/api/orders");
        assertNeedsUser(tenant, "/api/orders/" + id);
        assertNeedsTenantAdmin(
                tenant, "POST", "/api/orders", Map.of("user_id", user, "items", lines(Map.of(anvil, 1))));
        assertNeedsTenantAdmin(tenant, "PATCH", "/api/orders/" + id, Map.of("status", "cancelled"));

        assertEquals(4, stockOf(tenant, anvil));
        as(Tokens.user(tenant)).get("/api/orders/" + id).then().body("status", equalTo("pending"));
    }

    @Test
    void shouldReturnTheFirstOrderForARepeatedIdempotencyKey() {
        Map<String, Object> body = Map.of("user_id", user, "items", lines(Map.of(anvil, 2)));
        String first = as(Tokens.tenantAdmin(tenant))
                .header("Idempotency-Key", "key-1")
                .body(body)
                .post("/api/orders")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "false")
                .extract()
                .path("order_id");

        as(Tokens.tenantAdmin(tenant))
                .header("Idempotency-Key", "key-1")
                .body(body)
                .post("/api/orders")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("order_id", equalTo(first));

        assertEquals(3, stockOf(tenant, anvil));
        as(Tokens.user(tenant)).get("/api/orders").then().body("total", equalTo(1));
    }

    @Test
    void shouldTreatEqualAmountsWrittenDifferentlyAsTheSameRequest() {
        String first = as(Tokens.tenantAdmin(tenant))
                .header("Idempotency-Key", "key-3")
                .body(Map.of("user_id", user, "items", lines(Map.of(anvil, 1)), "tax_amount", "3.1"))
                .post("/api/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("order_id");

        as(Tokens.tenantAdmin(tenant))
                .header("Idempotency-Key", "key-3")
                .body(Map.of("user_id", user, "items", lines(Map.of(anvil, 1)), "tax_amount", "3.10"))
                .post("/api/orders")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("order_id", equalTo(first));
        assertEquals(4, stockOf(tenant, anvil));
    }

    @Test
    void shouldRefuseAnIdempotencyKeyReusedForAnotherRequest() {
        as(Tokens.tenantAdmin(tenant))
                .header("Idempotency-Key", "key-2")
                .body(Map.of("user_id", user, "items", lines(Map.of(anvil, 1))))
                .post("/api/orders")
                .then()
                .statusCode(201);

        as(Tokens.tenantAdmin(tenant))
                .header("Idempotency-Key", "key-2")
                .body(Map.of("user_id", user, "items", lines(Map.of(anvil, 2))))
                .post("/api/orders")
                .then()
                .statusCode(422)
                .body("type", containsString("idempotency-key-reused"));
        as(Tokens.tenantAdmin(tenant))
                .header("Idempotency-Key", "k".repeat(256))
                .body(Map.of("user_id", user, "items", lines(Map.of(anvil, 1))))
                .post("/api/orders")
                .then()
                .statusCode(400);

        assertEquals(4, stockOf(tenant, anvil));
    }

    @Test
    void shouldLetEachTenantUseTheSameIdempotencyKey() {
        String theirUser = createUser(other, "them@example.com");
        String rocket = createProduct(other, "Rocket", "ROC-1", "5.00", 4);

        as(Tokens.tenantAdmin(tenant))
                .header("Idempotency-Key", "shared")
                .body(Map.of("user_id", user, "items", lines(Map.of(anvil, 1))))
                .post("/api/orders")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "false");
        as(Tokens.tenantAdmin(other))
                .header("Idempotency-Key", "shared")
                .body(Map.of("user_id", theirUser, "items", lines(Map.of(rocket, 1))))
                .post("/api/orders")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "false");

        assertEquals(3, stockOf(other, rocket));
    }

    private io.restassured.response.ValidatableResponse changeStatus(String id, String status) {
        return as(Tokens.tenantAdmin(tenant))
                .body(Map.of("status", status))
                .patch("/api/orders/" + id)
                .then();
    }
}
