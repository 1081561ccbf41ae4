package dev.tenantbridge.observability;

import static dev.tenantbridge.support.Api.activeTenant;
import static dev.tenantbridge.support.Api.as;
import static dev.tenantbridge.support.Api.createProduct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantbridge.observability.TenantOperationMeter.Operation;
import dev.tenantbridge.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard and the alert rules an operator applies point only at metrics the service really publishes. */
@QuarkusTest
class OperatorAssetsTest {

    static final Path DASHBOARD = Path.of("deploy/grafana/tenant-bridge-dashboard.json");
    static final Path ALERTS = Path.of("deploy/prometheus/tenant-bridge-alerts.yml");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][\\w:]*)");

    @Inject
    FleetCollector collector;

    @Inject
    TenantOperationMeter operations;

    @Test
    void shouldFindEveryMetricOfTheDashboardAndTheAlertsInARealScrape() throws IOException {
        String tenant = activeTenant("assets");
        createProduct(tenant, "Anvil", "ANV-1");
        as(Tokens.user(tenant)).get("/api/products").then().statusCode(200);
        operations.record(Operation.MIGRATION, tenant, Duration.ofMillis(40), true);
        operations.record(Operation.BACKUP, tenant, Duration.ofMillis(90), true);
        collector.collect();
        Set<String> used = new TreeSet<>(dashboardMetrics());
        used.addAll(alertMetrics());

        Scrape scrape = Scrape.take();

        List<String> missing = used.stream().filter(name -> !scrape.has(name)).toList();
        assertTrue(missing.isEmpty(), "used by the dashboard or the alerts but not published: " + missing);
        assertTrue(used.containsAll(Set.of(
                "bridge_tenants",
                "bridge_tenant_transaction_seconds_bucket",
                "bridge_schema_total_bytes",
                "agroal_active_count",
                "bridge_pool_max")));
    }

    @Test
    void shouldReadMetricNamesOutOfPromQlAndNothingElse() {
        assertEquals(
                Set.of("bridge_tenant_transaction_seconds_bucket"),
                PromQl.metricNames("histogram_quantile(0.99, sum by (tenant, le) (rate("
                        + "bridge_tenant_transaction_seconds_bucket{tenant=~\"$tenant\"}[$__rate_interval])))"));
        assertEquals(
                Set.of("agroal_active_count", "bridge_pool_max"),
                PromQl.metricNames("max(agroal_active_count / on (instance, datasource) bridge_pool_max) > 0.9"
                        + " and 1e9 > 2 * 100"));
    }

    @Test
    void shouldOfferADashboardInGrafanasImportFormat() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));

        assertEquals("DS_PROMETHEUS", dashboard.at("/__inputs/0/name").asText());
        assertEquals("prometheus", dashboard.at("/__inputs/0/pluginId").asText());
        for (String field : List.of("title", "uid", "schemaVersion", "panels", "templating", "time")) {
            assertTrue(dashboard.hasNonNull(field), "dashboard field " + field);
        }
        assertTrue(dashboard.get("schemaVersion").isInt());
        Set<Integer> ids = new HashSet<>();
        Set<String> rows = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertTrue(ids.add(panel.get("id").asInt()), "panel ids are unique: " + panel.get("id"));
            assertPlaced(panel);
            if ("row".equals(panel.get("type").asText())) {
                rows.add(panel.get("title").asText());
            } else {
                assertQueries(panel);
            }
        }
        assertEquals(Set.of("Fleet", "Per tenant", "Connection pool"), rows);
    }

    private static void assertPlaced(JsonNode panel) {
        JsonNode grid = panel.get("gridPos");
        String title = panel.path("title").asText();
        for (String field : List.of("h", "w", "x", "y")) {
            assertTrue(grid != null && grid.get(field).isInt(), title + " gridPos." + field);
        }
        assertTrue(grid.get("x").asInt() + grid.get("w").asInt() <= 24, title + " fits the 24 columns");
        assertFalse(panel.path("type").asText().isEmpty(), title + " has a type");
        assertFalse(title.isEmpty(), "every panel has a title");
    }

    private static void assertQueries(JsonNode panel) {
        String title = panel.get("title").asText();
        assertEquals("${DS_PROMETHEUS}", panel.at("/datasource/uid").asText(), title);
        assertTrue(panel.get("targets").size() > 0, title + " has queries");
        for (JsonNode target : panel.get("targets")) {
            assertFalse(target.path("refId").asText().isEmpty(), title + " refId");
            assertFalse(target.path("expr").asText().isBlank(), title + " expr");
        }
    }

    static List<String> dashboardMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        List<String> names = new ArrayList<>();
        for (JsonNode expr : dashboard.findValues("expr")) {
            names.addAll(PromQl.metricNames(expr.asText()));
        }
        for (JsonNode variable : dashboard.at("/templating/list")) {
            Matcher matcher = LABEL_VALUES.matcher(variable.path("definition").asText());
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    static List<String> alertMetrics() throws IOException {
        List<String> names = new ArrayList<>();
        List<String> expressions = PromQl.ruleExpressions(Files.readAllLines(ALERTS));
        assertTrue(expressions.size() >= 5, "the rules file holds the alerts: " + expressions);
        expressions.forEach(expression -> names.addAll(PromQl.metricNames(expression)));
        return names;
    }
}
