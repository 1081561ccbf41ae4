package dev.tenantbridge.bench;

import java.util.Map;

/** Reads the tenant's benchmark product by id, as a {@code user}; the product's name carries the tenant id. */
final class ReadProduct implements Workload {

    static final String NAME = "read-product";

    @Override
    public Request request(Map<String, String> fixture, long sequence) {
        return new Request(
                "GET", "/api/products/" + fixture.get(Fixture.PRODUCT_ID), fixture.get(Fixture.USER_TOKEN), null);
    }

    @Override
    public Verdict verdict(Map<String, String> fixture, long sequence, int status, String body) {
        if (status != 200) {
            return Verdict.FAILED;
        }
        boolean own = Workload.hasField(body, "product_id", fixture.get(Fixture.PRODUCT_ID))
                && Workload.hasField(body, "name", fixture.get(Fixture.PRODUCT_NAME));
        return own ? Verdict.OWN : Verdict.CROSSED;
    }
}
