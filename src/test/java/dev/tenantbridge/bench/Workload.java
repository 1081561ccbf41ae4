package dev.tenantbridge.bench;

import java.util.Map;

/**
 * One kind of request the load generator sends, and how it tells whether a response belongs to the tenant that
 * asked. A workload reads what it needs from a tenant's fixture (the values {@link Fixture} prepared for it, such
 * as {@code token} or {@code product_id}); a new workload that needs more prepares it there.
 */
interface Workload {

    /** What the generator sends. {@code body} is null for requests without one. */
    record Request(String method, String path, String token, String body) {}

    /** How one response is counted. */
    enum Verdict {
        /** A success whose body belongs to the tenant that asked. */
        OWN,
        /** A success whose body does not belong to the tenant that asked: an isolation failure. */
        CROSSED,
        /** Not a success; not checked for isolation. */
        FAILED
    }

    /** The request number {@code sequence} of this run, on behalf of the tenant {@code fixture} describes. */
    Request request(Map<String, String> fixture, long sequence);

    Verdict verdict(Map<String, String> fixture, long sequence, int status, String body);

    /** The workloads by the name a load specification uses. */
    static Workload named(String name, String runId) {
        return switch (name) {
            case ReadProduct.NAME -> new ReadProduct();
            case CreateProduct.NAME -> new CreateProduct(runId);
            case PlaceOrder.NAME -> new PlaceOrder();
            default -> throw new IllegalArgumentException("Unknown workload " + name);
        };
    }

    /** True when a JSON body holds the string field with exactly this value. */
    static boolean hasField(String body, String field, String value) {
        return body.contains("\"" + field + "\":\"" + value + "\"");
    }
}
