package dev.tenantbridge.shop;

import static dev.tenantbridge.support.Api.activeTenant;
import static dev.tenantbridge.support.Api.as;
import static dev.tenantbridge.support.Api.createProduct;
import static dev.tenantbridge.support.Api.createUser;
import static dev.tenantbridge.support.Api.lines;

import dev.tenantbridge.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints how fast orders are placed when parallel clients all want one product (every order waits for the row
 * lock of that product's stock) next to a baseline of the same clients ordering different products, and what an
 * idempotent replay costs next to placing a new order. Run on demand:
 * {@code ./mvnw test -Dtest=OrderPlacementBenchmark -Dbenchmark=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class OrderPlacementBenchmark {

    private static final int CLIENTS = 8;
    private static final int ORDERS_PER_CLIENT = 40;

    @Test
    void shouldPrintOrderThroughputWithAndWithoutAHotProduct() throws Exception {
        String tenant = activeTenant("bench");
        String user = createUser(tenant, "bench@example.com");
        String token = Tokens.tenantAdmin(tenant);
        String hot = createProduct(tenant, "Hot", "HOT", "1.00", 1_000_000);
        List<String> spread = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            spread.add(createProduct(tenant, "Spread " + i, "SPREAD-" + i, "1.00", 1_000_000));
        }
        run(token, client -> order(user, hot), null);

        Result baseline = run(token, client -> order(user, spread.get(client)), null);
        Result contended = run(token, client -> order(user, hot), null);
        Result fresh = run(token, client -> order(user, spread.get(client)), "fresh");
        Result replayed = run(token, client -> order(user, spread.get(client)), "fresh");

        System.out.printf(
                "%nOrder placement, %d clients x %d orders%n%-44s %s%n%-44s %s%n%-44s %s%n%-44s %s%n%n",
                CLIENTS,
                ORDERS_PER_CLIENT,
                "baseline: each client its own product",
                baseline,
                "one hot product for every client",
                contended,
                "new orders with an Idempotency-Key",
                fresh,
                "replays of those keys",
                replayed);
    }

    private static Map<String, Object> order(String user, String product) {
        return Map.of("user_id", user, "items", lines(Map.of(product, 1)));
    }

    private record Result(double perSecond, long p50Micros, long p95Micros) {

        @Override
        public String toString() {
            return String.format(
                    "%8.1f orders/s, p50 %6.1f ms, p95 %6.1f ms", perSecond, p50Micros / 1e3, p95Micros / 1e3);
        }
    }

    /** Each client places its orders one after the other; keyed runs use the same keys when repeated. */
    private static Result run(String token, IntFunction<Map<String, Object>> body, String keyPrefix) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(threads.submit(() -> {
                    for (int i = 0; i < ORDERS_PER_CLIENT; i++) {
                        var request = as(token).body(body.apply(client));
                        if (keyPrefix != null) {
                            request.header("Idempotency-Key", keyPrefix + "-" + client + "-" + i);
                        }
                        long begin = System.nanoTime();
                        request.post("/api/orders").then().statusCode(201);
                        latencies.add((System.nanoTime() - begin) / 1_000);
                    }
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            threads.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = latencies.stream().sorted().toList();
        return new Result(sorted.size() / seconds, sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 95 / 100));
    }
}
