package dev.tenantbridge.bench;

import java.util.Map;

/**
 * Creates a product as the tenant's {@code tenant-admin}: a write transaction through the same routing. The name
 * carries the tenant id and the sku is unique in the run; the check reads both back from the stored row the
 * service returns.
 */
final class CreateProduct implements Workload {

    static final String NAME = "create-product";

    private final String runId;

    CreateProduct(String runId) {
        this.runId = runId;
    }

    @Override
    public Request request(Map<String, String> fixture, long sequence) {
        String body = "{\"name\":\"" + name(fixture, sequence) + "\",\"price\":\"9.99\",\"stock_quantity\":1,"
                + "\"sku\":\"" + sku(sequence) + "\"}";
        return new Request("POST", "/api/products", fixture.get(Fixture.ADMIN_TOKEN), body);
    }

    @Override
    public Verdict verdict(Map<String, String> fixture, long sequence, int status, String body) {
        if (status != 201) {
            return Verdict.FAILED;
        }
        boolean own = Workload.hasField(body, "name", name(fixture, sequence))
                && Workload.hasField(body, "sku", sku(sequence));
        return own ? Verdict.OWN : Verdict.CROSSED;
    }

    private static String name(Map<String, String> fixture, long sequence) {
        return "Load product of " + fixture.get(Fixture.TENANT) + " #" + sequence;
    }

    private String sku(long sequence) {
        return runId + "-" + sequence;
    }
}
