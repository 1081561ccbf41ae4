package dev.tenantbridge.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares the tenants a run needs through the service's own API: provisions them ({@code POST /admin/tenants},
 * idempotent, so a larger run only adds the missing ones) and gives each one product whose name carries the
 * tenant id, and a buyer for orders. Each tenant's fixture holds what the workloads use: its id, tokens, products
 * and buyer.
 *
 * <p>A workload that needs more per tenant adds its step to {@link #prepareOne} and its values to the fixture
 * map.
 */
final class Fixture {

    static final String TENANT = "tenant";
    static final String USER_TOKEN = "user_token";
    static final String ADMIN_TOKEN = "admin_token";
    static final String PRODUCT_ID = "product_id";
    static final String PRODUCT_NAME = "product_name";

    static final String USER_ID = "user_id";
    static final String ORDER_PRODUCTS = "order_products";

    /** How often a request answered 503 is sent again. */
    static final int RETRIES = 5;

    /** Stock of each bench product: more than any run orders. */
    static final int STOCK = 1_000_000_000;

    private static final Pattern PRODUCT_ID_FIELD = Pattern.compile("\"product_id\":\"([0-9a-f-]{36})\"");
    private static final Pattern USER_ID_FIELD = Pattern.compile("\"user_id\":\"([0-9a-f-]{36})\"");

    private final String baseUrl;
    private final SigningKey key;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** How long each provisioning call took, in milliseconds, in the order they finished. */
    private final List<Long> provisioningMillis = new ArrayList<>();

    Fixture(String baseUrl, SigningKey key) {
        this.baseUrl = baseUrl;
        this.key = key;
    }

    static String tenantId(int index) {
        return String.format("bench-%05d", index);
    }

    /**
     * Prepares tenants {@code first} to {@code last}, {@code parallelism} at a time, printing progress. The first
     * tenant of all gets as many order products as {@code hotProducts}: it carries the single-tenant runs.
     */
    List<Map<String, String>> prepare(int first, int last, int parallelism, int hotProducts) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<Map<String, String>>> pending = new ArrayList<>();
            for (int i = first; i <= last; i++) {
                String tenant = tenantId(i);
                int products = i == 1 ? hotProducts : 1;
                pending.add(workers.submit(() -> prepareOne(tenant, products)));
            }
            List<Map<String, String>> fixtures = new ArrayList<>();
            for (Future<Map<String, String>> next : pending) {
                fixtures.add(next.get());
                int ready = first - 1 + fixtures.size();
                if (ready % 100 == 0 || ready == last) {
                    Progress.say("  %d of %d tenants ready", ready, last);
                }
            }
            return fixtures;
        } finally {
            workers.shutdownNow();
        }
    }

    synchronized List<Long> provisioningMillis() {
        return List.copyOf(provisioningMillis);
    }

    private Map<String, String> prepareOne(String tenant, int products) throws IOException, InterruptedException {
        provision(tenant);
        Map<String, String> fixture = new LinkedHashMap<>();
        fixture.put(TENANT, tenant);
        fixture.put(USER_TOKEN, key.token(tenant, "user"));
        fixture.put(ADMIN_TOKEN, key.token(tenant, "tenant-admin"));
        fixture.put(PRODUCT_NAME, "Bench product of " + tenant);
        List<String> ids = products(fixture, products);
        fixture.put(PRODUCT_ID, ids.get(0));
        fixture.put(ORDER_PRODUCTS, String.join(",", ids));
        fixture.put(USER_ID, user(fixture));
        return fixture;
    }

    private void provision(String tenant) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> response =
                send("POST", "/admin/tenants", key.token(null, "platform-admin"), "{\"id\":\"" + tenant + "\"}");
        require(response, "provision " + tenant, 200, 201);
        if (response.statusCode() == 201) {
            synchronized (this) {
                provisioningMillis.add((System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    /**
     * Creates the tenant's bench products (skus {@code BENCH-1} on, category {@code bench}, the tenant's product
     * name, stock for any run), skipping those an earlier run made, and returns their ids, {@code BENCH-1}'s first.
     */
    private List<String> products(Map<String, String> fixture, int count) throws IOException, InterruptedException {
        for (int i = 1; i <= count; i++) {
            String body = "{\"name\":\"" + fixture.get(PRODUCT_NAME) + "\",\"price\":\"12.50\",\"stock_quantity\":"
                    + STOCK + ",\"sku\":\"BENCH-" + i + "\",\"category\":\"bench\"}";
            HttpResponse<String> created = send("POST", "/api/products", fixture.get(ADMIN_TOKEN), body);
            if (created.statusCode() != 409) {
                require(created, "create a product of " + fixture.get(TENANT), 201);
            }
        }
        HttpResponse<String> listed = send(
                "GET", "/api/products?category=bench&sort=created_at&size=" + count, fixture.get(USER_TOKEN), null);
        require(listed, "list the products of " + fixture.get(TENANT), 200);
        List<String> ids = ids(PRODUCT_ID_FIELD, listed.body());
        if (ids.size() != count) {
            throw new IllegalStateException("Expected " + count + " bench products, found " + listed.body());
        }
        return ids;
    }

    /** Creates the tenant's bench buyer, or finds the one an earlier run made. */
    private String user(Map<String, String> fixture) throws IOException, InterruptedException {
        String body = "{\"email\":\"buyer@" + fixture.get(TENANT) + ".example\",\"name\":\"Bench buyer\"}";
        HttpResponse<String> created = send("POST", "/api/users", fixture.get(ADMIN_TOKEN), body);
        if (created.statusCode() == 409) {
            created = send("GET", "/api/users?size=1", fixture.get(USER_TOKEN), null);
        }
        require(created, "create the bench buyer of " + fixture.get(TENANT), 200, 201);
        return ids(USER_ID_FIELD, created.body()).get(0);
    }

    private static List<String> ids(Pattern field, String body) {
        List<String> ids = new ArrayList<>();
        Matcher id = field.matcher(body);
        while (id.find()) {
            ids.add(id.group(1));
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("No id in " + body);
        }
        return ids;
    }

    /**
     * Sends one request and returns its response; a 503 (the service asks to retry) is retried after a short
     * pause, up to {@link #RETRIES} times, as a careful client would.
     */
    HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (int retry = 1; retry <= RETRIES && response.statusCode() == 503; retry++) {
            Progress.say("  %s %s answered 503 (%s); retry %d", method, path, response.body(), retry);
            Thread.sleep(200L * retry);
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    private static void require(HttpResponse<String> response, String what, int... statuses) {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new IllegalStateException("Could not " + what + ": " + response.statusCode() + " " + response.body());
    }
}
