package dev.tenantbridge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's isolation check: a response counts as the asking tenant's only when it names that tenant. */
class WorkloadVerdictTest {

    private static final Map<String, String> ACME = Map.of(
            Fixture.TENANT, "acme",
            Fixture.USER_TOKEN, "user-token",
            Fixture.ADMIN_TOKEN, "admin-token",
            Fixture.PRODUCT_ID, "11111111-1111-1111-1111-111111111111",
            Fixture.PRODUCT_NAME, "Bench product of acme",
            Fixture.ORDER_PRODUCTS, "11111111-1111-1111-1111-111111111111,33333333-3333-3333-3333-333333333333",
            Fixture.USER_ID, "44444444-4444-4444-4444-444444444444");

    private static final String ACME_PRODUCT =
            "{\"product_id\":\"11111111-1111-1111-1111-111111111111\",\"name\":\"Bench product of acme\"}";
    private static final String GLOBEX_PRODUCT =
            "{\"product_id\":\"22222222-2222-2222-2222-222222222222\",\"name\":\"Bench product of globex\"}";

    private final Workload read = new ReadProduct();
    private final Workload create = new CreateProduct("run1");
    private final Workload order = new PlaceOrder();

    @Test
    void shouldReadTheTenantsOwnProductWithItsUserToken() {
        Workload.Request request = read.request(ACME, 7);

        assertEquals("GET", request.method());
        assertEquals("/api/products/11111111-1111-1111-1111-111111111111", request.path());
        assertEquals("user-token", request.token());
        assertEquals(Workload.Verdict.OWN, read.verdict(ACME, 7, 200, ACME_PRODUCT));
    }

    @Test
    void shouldCountAnotherTenantsProductAsACrossing() {
        assertEquals(Workload.Verdict.CROSSED, read.verdict(ACME, 7, 200, GLOBEX_PRODUCT));
        assertEquals(
                Workload.Verdict.CROSSED,
                read.verdict(ACME, 7, 200, ACME_PRODUCT.replace("Bench product of acme", "Bench product of globex")));
    }

    @Test
    void shouldCountAnErrorStatusAsAFailureNotAsChecked() {
        assertEquals(Workload.Verdict.FAILED, read.verdict(ACME, 7, 404, ""));
        assertEquals(Workload.Verdict.FAILED, create.verdict(ACME, 7, 409, ""));
    }

    @Test
    void shouldCreateAProductNamedForTheTenantWithASkuUniqueInTheRun() {
        Workload.Request request = create.request(ACME, 42);

        assertEquals("POST", request.method());
        assertEquals("admin-token", request.token());
        assertTrue(request.body().contains("\"name\":\"Load product of acme #42\""), request.body());
        assertTrue(request.body().contains("\"sku\":\"run1-42\""), request.body());
        String stored = "{\"name\":\"Load product of acme #42\",\"sku\":\"run1-42\"}";
        assertEquals(Workload.Verdict.OWN, create.verdict(ACME, 42, 201, stored));
        assertEquals(Workload.Verdict.CROSSED, create.verdict(ACME, 43, 201, stored));
    }

    @Test
    void shouldPlaceOrdersForTheTenantsBuyerTakingItsProductsInTurn() {
        Workload.Request first = order.request(ACME, 10);
        Workload.Request second = order.request(ACME, 11);

        assertEquals("POST", first.method());
        assertEquals("/api/orders", first.path());
        assertEquals("admin-token", first.token());
        assertTrue(first.body().contains("\"product_id\":\"11111111-1111-1111-1111-111111111111\""), first.body());
        assertTrue(second.body().contains("\"product_id\":\"33333333-3333-3333-3333-333333333333\""), second.body());
        assertTrue(first.body().contains("\"user_id\":\"44444444-4444-4444-4444-444444444444\""), first.body());
    }

    @Test
    void shouldCountAnOrderOfAnotherBuyerOrAddressAsACrossing() {
        String placed = "{\"user_id\":\"44444444-4444-4444-4444-444444444444\",\"shipping_address\":\"acme\","
                + "\"items\":[{\"product_id\":\"11111111-1111-1111-1111-111111111111\"}]}";

        assertEquals(Workload.Verdict.OWN, order.verdict(ACME, 10, 201, placed));
        assertEquals(Workload.Verdict.CROSSED, order.verdict(ACME, 11, 201, placed));
        assertEquals(Workload.Verdict.CROSSED, order.verdict(ACME, 10, 201, placed.replace("acme", "globex")));
        assertEquals(
                Workload.Verdict.CROSSED, order.verdict(ACME, 10, 201, placed.replace("\"44444444", "\"55555555")));
        assertEquals(Workload.Verdict.FAILED, order.verdict(ACME, 10, 409, placed));
    }
}
