package dev.tenantbridge.observability;

import static dev.tenantbridge.support.Api.activeTenant;
import static dev.tenantbridge.support.Api.as;
import static dev.tenantbridge.support.Api.createProduct;
import static dev.tenantbridge.support.Api.uniqueTenant;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tenantbridge.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoggingContextTest {

    private static final String UUID_SHAPE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** What a log line carried: its message and the tenant and request id in its MDC. */
    record Line(String message, String tenant, String requestId) {}

    final List<Line> lines = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext) {
                ext.copyAll();
                lines.add(new Line(
                        ext.getFormattedMessage(),
                        ext.getMdc(RequestIdFilter.MDC_TENANT),
                        ext.getMdc(RequestIdFilter.MDC_REQUEST_ID)));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void shouldCarryTheTenantAndTheCallersRequestIdOnTheRequestsLogLines() {
        String acme = activeTenant("logs-acme");
        createProduct(acme, "Anvil", "ANV-1");

        as(Tokens.tenantAdmin(acme))
                .header("X-Request-Id", "order-desk-4711")
                .body(Map.of("name", "Second anvil", "price", "1.00", "sku", "ANV-1"))
                .post("/api/products")
                .then()
                .statusCode(409)
                .header("X-Request-Id", equalTo("order-desk-4711"));

        Line conflict = lines.stream()
                .filter(line -> line.message().startsWith("409"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no log line for the conflict in " + lines));
        assertEquals(new Line(conflict.message(), acme, "order-desk-4711"), conflict);
    }

    @Test
    void shouldCarryTheRequestIdButNoTenantOnAnAdminRequestsLogLines() {
        String tenant = uniqueTenant("logs-admin");
        as(Tokens.platformAdmin())
                .header("X-Request-Id", "provision-" + tenant)
                .body(Map.of("id", tenant))
                .post("/admin/tenants")
                .then()
                .statusCode(201);

        Line provisioned = lines.stream()
                .filter(line -> line.message().contains("Tenant " + tenant + " provisioned"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no provisioning line in " + lines));
        assertEquals("provision-" + tenant, provisioned.requestId());
        assertNull(provisioned.tenant(), "an admin request acts for no tenant");
    }

    @Test
    void shouldReplaceAnUnusableRequestIdWithAFreshOne() {
        String acme = activeTenant("logs-ids");

        String first = as(Tokens.user(acme))
                .header("X-Request-Id", "two words")
                .get("/api/products")
                .then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID_SHAPE))
                .extract()
                .header("X-Request-Id");
        as(Tokens.user(acme))
                .get("/api/products")
                .then()
                .header("X-Request-Id", matchesPattern(UUID_SHAPE))
                .header("X-Request-Id", not(equalTo(first)));
        assertFalse(lines.stream().anyMatch(line -> "two words".equals(line.requestId())));
    }
}
