package dev.tenantbridge.bench;

import java.util.List;
import java.util.Map;

/**
 * What the load generator is to do: a workload against a base URL with a fixed number of connections, each
 * sending its next request as soon as the last one is answered, over the given tenants in turn.
 *
 * @param tenants one fixture per tenant; requests rotate over them evenly
 */
record LoadSpec(
        String label,
        String baseUrl,
        String workload,
        int connections,
        double warmupSeconds,
        double durationSeconds,
        List<Map<String, String>> tenants) {}
