package dev.tenantbridge.control;

import static dev.tenantbridge.support.Api.as;
import static dev.tenantbridge.support.Api.provision;
import static dev.tenantbridge.support.Api.uniqueTenant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenantbridge.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Tenants provisioned two at a time must serve their first request at once. PostgreSQL backends cache the login
 * role's memberships; without the touch after each role's creation, a few of some hundred such tenants answered
 * their first write with "permission denied to set role".
 */
@QuarkusTest
class ConcurrentProvisioningTest {

    private static final int PAIRS = 150;

    @Test
    void shouldServeEveryTenantRightAfterItWasProvisionedBesideAnother() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(2);
        List<String> refused = new ArrayList<>();
        try {
            for (int pair = 0; pair < PAIRS; pair++) {
                List<Future<String>> outcomes =
                        List.of(workers.submit(this::provisionAndWrite), workers.submit(this::provisionAndWrite));
                for (Future<String> outcome : outcomes) {
                    if (!outcome.get().endsWith(" 201")) {
                        refused.add(outcome.get());
                    }
                }
            }
        } finally {
            workers.shutdownNow();
        }

        assertEquals(List.of(), refused);
    }

    private String provisionAndWrite() {
        String tenant = uniqueTenant("pair");
        provision(tenant).statusCode(201);
        int status = as(Tokens.tenantAdmin(tenant))
                .body(Map.of("name", "First product", "price", "1.00"))
                .post("/api/products")
                .statusCode();
        return tenant + " " + status;
    }
}
