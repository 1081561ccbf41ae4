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
 * tenant id. Each tenant's fixture holds what the workloads use: its id, tokens and product.
 *
 * <p>A workload that needs more per tenant (an order needs a user and stock, for example) adds its step to
 * {@link #prepare} and its values to the fixture map.
 */
final class Fixture {

    static final String TENANT = "tenant";
    static final String USER_TOKEN = "user_token";
    static final String ADMIN_TOKEN = "admin_token";
    static final String PRODUCT_ID = "product_id";
    static final String PRODUCT_NAME = "product_name";

    private static final Pattern PRODUCT_ID_FIELD = Pattern.compile("\"product_id\":\"([0-9a-f-]{36})\"");

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

    /** Prepares tenants 1 to {@code count}, {@code parallelism} at a time, printing progress. */
    List<Map<String, String>> prepare(int count, int parallelism) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<Map<String, String>>> pending = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String tenant = tenantId(i);
                pending.add(workers.submit(() -> prepareOne(tenant)));
            }
            List<Map<String, String>> fixtures = new ArrayList<>();
            for (Future<Map<String, String>> next : pending) {
                fixtures.add(next.get());
                if (fixtures.size() % 100 == 0 || fixtures.size() == count) {
                    Progress.say("  %d of %d tenants ready", fixtures.size(), count);
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

    private Map<String, String> prepareOne(String tenant) throws IOException, InterruptedException {
        provision(tenant);
        Map<String, String> fixture = new LinkedHashMap<>();
        fixture.put(TENANT, tenant);
        fixture.put(USER_TOKEN, key.token(tenant, "user"));
        fixture.put(ADMIN_TOKEN, key.token(tenant, "tenant-admin"));
        fixture.put(PRODUCT_NAME, "Bench product of " + tenant);
        fixture.put(PRODUCT_ID, product(fixture));
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

    /** Creates the tenant's benchmark product, or finds it when an earlier run made it. */
    private String product(Map<String, String> fixture) throws IOException, InterruptedException {
        String body = "{\"name\":\"" + fixture.get(PRODUCT_NAME) + "\",\"price\":\"12.50\",\"stock_quantity\":1000,"
                + "\"sku\":\"BENCH-1\",\"category\":\"bench\"}";
        HttpResponse<String> created = send("POST", "/api/products", fixture.get(ADMIN_TOKEN), body);
        if (created.statusCode() == 409) {
            created = send("GET", "/api/products?size=1", fixture.get(USER_TOKEN), null);
        }
        require(created, "create the product of " + fixture.get(TENANT), 200, 201);
        Matcher id = PRODUCT_ID_FIELD.matcher(created.body());
        if (!id.find()) {
            throw new IllegalStateException("No product id in " + created.body());
        }
        return id.group(1);
    }

    HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
