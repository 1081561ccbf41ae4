package dev.tenantbridge.common;

import static dev.tenantbridge.support.Api.activeTenant;
import static dev.tenantbridge.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import dev.tenantbridge.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every error is RFC 9457 problem+json and never shows a stack trace, a class name or SQL. */
@QuarkusTest
class ProblemResponsesTest {

    String tenant;

    @BeforeEach
    void provision() {
        tenant = activeTenant("problems");
    }

    @Test
    void shouldAnswerAnUnknownPathWithAProblem() {
        problem(given().get("/no/such/path").then(), 404);
        problem(as(Tokens.user(tenant)).get("/api/nothing-here").then(), 404);
    }

    @Test
    void shouldHaveNoDevTokenEndpointOutsideDevMode() {
        problem(given().queryParam("role", "platform-admin").get("/dev/token").then(), 404);
    }

    @Test
    void shouldAnswerAnUnsupportedMethodWithAProblem() {
        problem(as(Tokens.tenantAdmin(tenant)).put("/api/products").then(), 405);
    }

    @Test
    void shouldAnswerAnUnsupportedMediaTypeWithAProblem() {
        problem(
                given().auth()
                        .oauth2(Tokens.tenantAdmin(tenant))
                        .contentType(ContentType.TEXT)
                        .body("name=Anvil")
                        .post("/api/products")
                        .then(),
                415);
    }

    @Test
    void shouldAnswerMalformedJsonWithAProblem() {
        problem(
                        as(Tokens.tenantAdmin(tenant))
                                .body("{\"name\": ")
                                .post("/api/products")
                                .then(),
                        400)
                .body("detail", containsString("not valid JSON"));
        problem(
                        as(Tokens.tenantAdmin(tenant))
                                .body("{\"name\": \"Anvil\", \"price\": \"cheap\"}")
                                .post("/api/products")
                                .then(),
                        400)
                .body("detail", containsString("price"));
        problem(
                        as(Tokens.tenantAdmin(tenant))
                                .body("{\"name\": \"Anvil\", \"price\": 1, \"colour\": \"red\"}")
                                .post("/api/products")
                                .then(),
                        400)
                .body("detail", containsString("colour"));
    }

    @Test
    void shouldListEveryInvalidFieldOfABody() {
        problem(
                        as(Tokens.tenantAdmin(tenant))
                                .body("{\"name\": \"\", \"price\": -1.005, \"stock_quantity\": -3}")
                                .post("/api/products")
                                .then(),
                        400)
                .body("violations.field", hasItems("name", "price", "stock_quantity"));
    }

    @Test
    void shouldAnswerAnInvalidPageWithAProblem() {
        problem(
                        as(Tokens.user(tenant))
                                .queryParam("size", 5000)
                                .get("/api/products")
                                .then(),
                        400)
                .body("violations.field", hasItems("size"));
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", not(equalTo(null)))
                .body(not(containsString("Exception")))
                .body(not(containsString("java.")))
                .body(not(containsString("SELECT")));
    }
}
