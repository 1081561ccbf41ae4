package dev.tenantbridge.shop;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes every shop operation with its roles, its errors and an example. */
@QuarkusTest
class ShopOpenApiTest {

    @Test
    void shouldDescribeRolesErrorsAndAnExampleForEveryShopOperation() {
        JsonPath doc = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        int operations = 0;

        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (var operation : path.getValue().entrySet()) {
                String where = operation.getKey() + " " + path.getKey();
                Map<String, Object> op = operation.getValue();
                Map<String, Map<String, Object>> responses = cast(op.get("responses"));
                assertTrue(responses.keySet().containsAll(List.of("401", "403", "423")), where + responses.keySet());
                assertTrue(
                        op.get("security")
                                .toString()
                                .contains(operation.getKey().equals("get") ? "user" : "tenant-admin"),
                        where);
                String success = responses.keySet().stream()
                        .filter(code -> code.startsWith("2"))
                        .findFirst()
                        .orElseThrow();
                assertTrue(
                        success.equals("204")
                                || responses.get(success).toString().contains("example"),
                        where);
                assertFalse(responses.containsKey("200") && responses.containsKey("201"), where);
                if (path.getKey().endsWith("{id}")) {
                    assertTrue(responses.get("404").toString().contains("ShopNotFound"), where);
                }
                operations++;
            }
        }

        assertEquals(16, operations);
        assertTrue(doc.getMap("components.responses")
                .keySet()
                .containsAll(List.of("ShopInvalidBody", "ShopInvalidQuery", "ShopNotFound", "ShopTenantSuspended")));
        assertEquals(
                404, doc.getInt("components.responses.ShopNotFound.content.'application/problem+json'.example.status"));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
