package dev.tenantbridge.fleet.provisioning;

import static dev.tenantbridge.fleet.Fleet.ledger;
import static dev.tenantbridge.fleet.Fleet.provisionedThen;
import static dev.tenantbridge.fleet.Fleet.schemaOf;
import static dev.tenantbridge.fleet.Fleet.status;
import static dev.tenantbridge.support.Api.activeTenant;
import static dev.tenantbridge.support.Api.as;
import static dev.tenantbridge.support.Api.provision;
import static dev.tenantbridge.support.Api.uniqueTenant;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenantbridge.fleet.AdditiveMigration;
import dev.tenantbridge.support.Database;
import dev.tenantbridge.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(AdditiveMigration.class)
class ProvisioningLedgerTest {

    private static final String LATEST = AdditiveMigration.LATEST;

    @Inject
    FastProvisioning fast;

    @Test
    void shouldRecordOneSucceededEntryPerVersionOnEitherPathAndListOnlyTheTenantsOwn() {
        String replayed = activeTenant("ledger");
        String withFlyway = withFlyway(() -> activeTenant("ledger"));

        assertEquals(provisionedThen(LATEST + " succeeded 1"), ledger(replayed));
        assertEquals(provisionedThen(LATEST + " succeeded 1"), ledger(withFlyway));
        for (String tenant : List.of(replayed, withFlyway)) {
            as(Tokens.platformAdmin())
                    .get("/admin/tenants/" + tenant + "/migrations")
                    .then()
                    .statusCode(200)
                    .body(
                            "version",
                            Matchers.contains(provisionedThen(LATEST).stream()
                                    .map(entry -> entry.split(" ")[0])
                                    .toArray()))
                    .body("tenant_id", everyItem(Matchers.equalTo(tenant)))
                    .body("status", everyItem(Matchers.equalTo("succeeded")))
                    .body("started_at", everyItem(notNullValue()))
                    .body("duration_ms", everyItem(notNullValue()))
                    .body("error", everyItem(nullValue()))
                    .body("job_id", everyItem(nullValue()));
        }
        as(Tokens.platformAdmin())
                .get("/admin/tenants/" + replayed + "/migrations")
                .then()
                .body("tenant_id", everyItem(not(withFlyway)));
    }

    @Test
    void shouldRecordTheVersionAFastProvisioningFailedInAndSucceedOnRetry() {
        String tenant = uniqueTenant("ledger");
        String marker = plantFailure(tenant);

        provision(tenant).statusCode(500);

        assertEquals("failed", status(tenant));
        assertEquals(List.of(LATEST + " failed 1"), ledger(tenant));
        assertFailureRecorded(tenant);
        retryAfterRemoving(marker, tenant, 2);
    }

    @Test
    void shouldRecordTheVersionAFlywayProvisioningFailedInTwiceAndSucceedOnRetry() {
        String tenant = uniqueTenant("ledger");
        String marker = plantFailure(tenant);

        withFlyway(() -> provision(tenant).statusCode(500));
        withFlyway(() -> provision(tenant).statusCode(500));

        assertEquals("failed", status(tenant));
        assertEquals(provisionedThen(LATEST + " failed 2"), ledger(tenant));
        assertFailureRecorded(tenant);
        as(Tokens.platformAdmin())
                .get("/admin/tenants/" + tenant + "/migrations")
                .then()
                .body("duration_ms", everyItem(notNullValue()));
        retryAfterRemoving(marker, tenant, 3);
    }

    @Test
    void shouldForgetADeletedTenantsEntriesSoThatItsIdStartsAfresh() {
        String tenant = activeTenant("ledger");
        String other = activeTenant("ledger");

        as(Tokens.platformAdmin())
                .delete("/admin/tenants/" + tenant + "?confirm=" + tenant)
                .then()
                .statusCode(204);

        assertEquals(List.of(), ledger(tenant));
        assertEquals(provisionedThen(LATEST + " succeeded 1"), ledger(other));
        provision(tenant).statusCode(201);
        assertEquals(provisionedThen(LATEST + " succeeded 1"), ledger(tenant));
    }

    private static String plantFailure(String tenant) {
        String marker = schemaOf(tenant) + "_fails_900";
        Database.execute("CREATE ROLE " + marker + " NOLOGIN");
        return marker;
    }

    private static void assertFailureRecorded(String tenant) {
        as(Tokens.platformAdmin())
                .get("/admin/tenants/" + tenant + "/migrations")
                .then()
                .statusCode(200)
                .body("find { it.version == '" + LATEST + "' }.error", containsString("planted failure"))
                .body("find { it.version == '" + LATEST + "' }.duration_ms", notNullValue());
    }

    private static void retryAfterRemoving(String marker, String tenant, int attempts) {
        Database.execute("DROP ROLE " + marker);

        provision(tenant).statusCode(200).body("status", Matchers.equalTo("active"));

        assertEquals(provisionedThen(LATEST + " succeeded " + attempts), ledger(tenant));
        as(Tokens.platformAdmin())
                .get("/admin/tenants/" + tenant + "/migrations")
                .then()
                .body("error", everyItem(nullValue()));
    }

    private <T> T withFlyway(java.util.function.Supplier<T> provisioning) {
        fast.enable(false);
        try {
            return provisioning.get();
        } finally {
            fast.enable(true);
        }
    }
}
