package dev.tenantbridge.shop;

import static dev.tenantbridge.support.Api.activeTenant;
import static dev.tenantbridge.support.Api.as;
import static dev.tenantbridge.support.Api.createProduct;
import static dev.tenantbridge.support.Api.createUser;
import static dev.tenantbridge.support.Api.lines;
import static dev.tenantbridge.support.Api.stockOf;
import static dev.tenantbridge.support.Database.countAsOwner;
import static dev.tenantbridge.support.Database.ordersWithWrongTotal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenantbridge.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many clients at once: stock never goes below zero and one idempotency key places one order. */
@QuarkusTest
class OrderConcurrencyTest {

    private static final int CLIENTS = 12;

    String tenant;
    String user;

    @BeforeEach
    void provision() {
        tenant = activeTenant("rush");
        user = createUser(tenant, "rush@example.com");
    }

    @Test
    void shouldSellExactlyTheStockWhenMoreOrdersArriveAtOnceThanThereAreUnits() throws Exception {
        int stock = 5;
        String product = createProduct(tenant, "Last units", "LAST-1", "9.99", stock);
        Map<String, Object> body = Map.of("user_id", user, "items", lines(Map.of(product, 1)));

        List<Response> responses =
                all(CLIENTS, () -> as(Tokens.tenantAdmin(tenant)).body(body).post("/api/orders"));

        assertEquals(stock, count(responses, 201), statuses(responses));
        assertEquals(CLIENTS - stock, count(responses, 409), statuses(responses));
        assertEquals(0, stockOf(tenant, product));
        assertEquals(stock, countAsOwner(tenant, "orders", "true"));
        assertEquals(stock, countAsOwner(tenant, "order_items", "quantity = 1"));
        assertEquals(0, ordersWithWrongTotal(tenant));
    }

    @Test
    void shouldServeOrdersOfTheSameProductsListedInOppositeOrderWithoutDeadlock() throws Exception {
        String a = createProduct(tenant, "A", "A-1", "1.00", CLIENTS);
        String b = createProduct(tenant, "B", "B-1", "2.00", CLIENTS);
        List<Map<String, Object>> forwards =
                List.of(Map.of("product_id", a, "quantity", 1), Map.of("product_id", b, "quantity", 1));
        List<Map<String, Object>> backwards = List.of(forwards.get(1), forwards.get(0));

        List<Response> responses = all(CLIENTS, new Callable<>() {
            int turn;

            @Override
            public synchronized Response call() {
                var items = turn++ % 2 == 0 ? forwards : backwards;
                return as(Tokens.tenantAdmin(tenant))
                        .body(Map.of("user_id", user, "items", items))
                        .post("/api/orders");
            }
        });

        assertEquals(CLIENTS, count(responses, 201), statuses(responses));
        assertEquals(0, stockOf(tenant, a));
        assertEquals(0, stockOf(tenant, b));
    }

    @Test
    void shouldPlaceOneOrderForParallelRetriesOfOneIdempotencyKey() throws Exception {
        String product = createProduct(tenant, "Gadget", "GAD-1", "4.50", 100);
        Map<String, Object> body = Map.of("user_id", user, "items", lines(Map.of(product, 3)));

        List<Response> responses = all(
                CLIENTS,
                () -> as(Tokens.tenantAdmin(tenant))
                        .header("Idempotency-Key", "retry-me")
                        .body(body)
                        .post("/api/orders"));

        assertEquals(CLIENTS, count(responses, 201), statuses(responses));
        assertEquals(
                1, responses.stream().map(r -> r.path("order_id")).distinct().count());
        assertEquals(
                1,
                responses.stream()
                        .filter(r -> "false".equals(r.header("Idempotent-Replayed")))
                        .count());
        assertEquals(97, stockOf(tenant, product));
        assertEquals(1, countAsOwner(tenant, "orders", "true"));
    }

    /** Runs the call from many threads released at the same moment and returns every response. */
    private static List<Response> all(int clients, Callable<Response> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(2, TimeUnit.MINUTES));
            }
            return responses;
        } finally {
            threads.shutdownNow();
        }
    }

    private static long count(List<Response> responses, int status) {
        return responses.stream().filter(r -> r.statusCode() == status).count();
    }

    private static String statuses(List<Response> responses) {
        return responses.stream()
                .map(r -> r.statusCode() + " " + r.asString())
                .toList()
                .toString();
    }
}
