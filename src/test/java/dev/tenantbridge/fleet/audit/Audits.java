package dev.tenantbridge.fleet.audit;

import static dev.tenantbridge.fleet.Fleet.awaitJob;
import static dev.tenantbridge.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenantbridge.support.Tokens;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** Test helpers for audits: run one to its end, and read one tenant's findings. */
final class Audits {

    private Audits() {}

    /** Audits the named tenants, waits for the audit to succeed and returns its report. */
    static JsonPath audit(List<String> tenants) {
        String id = as(Tokens.platformAdmin())
                .body(Map.of("tenants", tenants))
                .post("/admin/audit")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        assertEquals("succeeded", awaitJob(id).getString("status"));
        return as(Tokens.platformAdmin())
                .get("/admin/audit/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The tenant's findings as {@code category: detail}, none when the report does not list the tenant. */
    static List<String> findingsOf(JsonPath report, String tenant) {
        List<Map<String, String>> findings =
                report.getList("tenants.find { it.tenant_id == '" + tenant + "' }.findings");
        return findings == null
                ? List.of()
                : findings.stream()
                        .map(f -> f.get("category") + ": " + f.get("detail"))
                        .toList();
    }
}
