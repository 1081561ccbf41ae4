package dev.tenantbridge.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantbridge.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadinessTest {

    @Test
    void shouldBeReadyWithTheDatabaseTheControlSchemaAndThePoolChecked() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(
                        "checks.name",
                        hasItems("Database connections health check", ControlSchemaReadiness.NAME, PoolReadiness.NAME))
                .body("checks.find { it.name == '" + ControlSchemaReadiness.NAME + "' }.data.pending", equalTo(0))
                .body("checks.find { it.name == '" + PoolReadiness.NAME + "' }.data.max_size", equalTo(20));
    }

    @Test
    void shouldNotBeReadyWhileControlSchemaMigrationsArePending() {
        Flyway unmigrated = Flyway.configure()
                .dataSource(Database.pool())
                .schemas("readiness_never_migrated")
                .createSchemas(false)
                .locations("classpath:db/control")
                .load();

        HealthCheckResponse response = new ControlSchemaReadiness(unmigrated).call();

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        long controlMigrations = unmigrated.info().pending().length;
        assertTrue(controlMigrations > 0);
        assertEquals(controlMigrations, response.getData().orElseThrow().get("pending"));
    }

    @Test
    void shouldCallThePoolExhaustedOnlyWhenItIsFullAndSomeoneWaits() {
        assertTrue(PoolReadiness.exhausted(20, 1, 20));
        assertFalse(PoolReadiness.exhausted(20, 0, 20));
        assertFalse(PoolReadiness.exhausted(19, 3, 20));
    }
}
