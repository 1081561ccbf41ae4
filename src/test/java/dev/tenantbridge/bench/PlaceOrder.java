package dev.tenantbridge.bench;

import java.util.Map;

/**
 * Places an order of one unit as the tenant's {@code tenant-admin}: the shop's heaviest write, a conditional stock
 * decrement, the order and its item in one transaction. The order is for the tenant's bench user and carries the
 * tenant id as its shipping address; the check reads all three back from the order the service returns.
 *
 * <p>The product rotates through the tenant's order products, so that the connections of a single-tenant run do
 * not all queue on one product row's lock: the figure is the routing's cost, not a hot row's.
 */
final class PlaceOrder implements Workload {

    static final String NAME = "place-order";

    @Override
    public Request request(Map<String, String> fixture, long sequence) {
        String body = "{\"user_id\":\"" + fixture.get(Fixture.USER_ID) + "\",\"items\":[{\"product_id\":\""
                + product(fixture, sequence) + "\",\"quantity\":1}],\"shipping_address\":\""
                + fixture.get(Fixture.TENANT) + "\"}";
        return new Request("POST", "/api/orders", fixture.get(Fixture.ADMIN_TOKEN), body);
    }

    @Override
    public Verdict verdict(Map<String, String> fixture, long sequence, int status, String body) {
        if (status != 201) {
            return Verdict.FAILED;
        }
        boolean own = Workload.hasField(body, "user_id", fixture.get(Fixture.USER_ID))
                && Workload.hasField(body, "product_id", product(fixture, sequence))
                && Workload.hasField(body, "shipping_address", fixture.get(Fixture.TENANT));
        return own ? Verdict.OWN : Verdict.CROSSED;
    }

    private static String product(Map<String, String> fixture, long sequence) {
        String[] products = fixture.get(Fixture.ORDER_PRODUCTS).split(",");
        return products[(int) (sequence % products.length)];
    }
}
