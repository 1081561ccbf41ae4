package dev.tenantbridge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stack overhead: the product read over plain JDBC through an Agroal pool (the floor) next to the same read
 * through the service, and the memory one pooled backend holds after serving every tenant once.
 */
final class FloorSection implements Section {

    static final String POOL_POLICY = "tenant-bridge.routing.max-schemas-per-connection";

    @Override
    public String key() {
        return "floor";
    }

    @Override
    public String name() {
        return "stack overhead and backend memory";
    }

    @Override
    public void run(Run run) throws Exception {
        List<Map<String, String>> tenants = run.tenantsSoFar(run.options.tenants());
        JdbcFloor floor = new JdbcFloor(run.cluster, run.options);
        List<List<String>> rows = new ArrayList<>();
        for (String distribution : List.of(RoutingSection.SINGLE, RoutingSection.SPREAD)) {
            List<Map<String, String>> used =
                    distribution.equals(RoutingSection.SINGLE) ? tenants.subList(0, 1) : tenants;
            LoadResult jdbc = run.record(floor.run("jdbc-floor-" + distribution, used));
            LoadResult service = run.result(RoutingSection.label(Run.TRANSACTION, ReadProduct.NAME, distribution));
            rows.add(Tables.loadRow("JDBC floor", ReadProduct.NAME, jdbc));
            rows.add(Tables.loadRow("service (HTTP, JSON, Hibernate)", ReadProduct.NAME, service));
            rows.add(List.of(
                    "service ÷ floor",
                    distribution,
                    "",
                    Report.number(Tables.rate(service) / Tables.rate(jdbc)),
                    Report.number(service.measured().p50Ms() / jdbc.measured().p50Ms()),
                    Report.number(service.measured().p99Ms() / jdbc.measured().p99Ms()),
                    "",
                    "",
                    ""));
        }
        run.report.table(new Report.Table(
                "Stack overhead: the same read over plain JDBC",
                Tables.conditions(
                        run,
                        "JDBC threads in the harness process, each read one transaction with the"
                                + " service's tenant set-up; service figures from the routing section"),
                Tables.LOAD_COLUMNS,
                rows,
                List.of()));
        memory(run, tenants, null);
    }

    /**
     * Reports the backend memory after serving the tenants: one backend without a bound and under the pool
     * policy, and, when given, what the service's own pooled backends held after the load just run.
     */
    static void memory(Run run, List<Map<String, String>> tenants, BackendMemory.ServiceBackends service)
            throws Exception {
        Progress.say("backend memory after serving %d tenants", tenants.size());
        BackendMemory.Growth growth = BackendMemory.measure(run.cluster, tenants);
        run.report.figures("backend_memory_" + tenants.size(), growth);
        run.report.goal(
                "backend memory after " + tenants.size() + " tenants (MB)",
                growth.peakWithBound().totalBytes() / (1024.0 * 1024.0),
                "≤ 64",
                growth.peakWithBound().totalBytes() <= BackendMemory.GOAL_BYTES,
                "one read per tenant, connection closed after " + growth.maxSchemas() + " schemas");
        List<String> notes = new ArrayList<>();
        notes.add("Pool policy that bounds it: `" + POOL_POLICY + "` (default " + growth.maxSchemas() + ") closes a"
                + " pooled connection once it has entered that many distinct tenant schemas, so a backend's caches"
                + " hold at most that many tenants; `quarkus.datasource.jdbc.max-lifetime` (30 minutes) retires"
                + " every connection besides.");
        if (service != null) {
            run.report.figures("service_backends_" + tenants.size(), service);
            notes.add("The service's own " + service.backends() + " pooled backends after the spread load over "
                    + tenants.size() + " tenants held " + Tables.megabytes(service.largestBytes())
                    + " MB of private memory at most (resident anonymous pages from /proc), "
                    + Tables.megabytes(service.totalBytes()) + " MB together.");
        }
        run.report.table(new Report.Table(
                "Backend memory after serving " + tenants.size() + " tenants",
                "One connection ran one product read per tenant, each in its own transaction with the service's"
                        + " routing; figures from pg_backend_memory_contexts. Unbounded: one backend served every"
                        + " tenant. Bounded: a fresh connection after every " + growth.maxSchemas() + " tenants,"
                        + " as the service's pool does; the largest backend is shown.",
                List.of(
                        "Tenants",
                        "total before MB",
                        "unbounded after MB",
                        "caches after MB",
                        "KB per tenant",
                        "tenants until 64 MB",
                        "bounded largest MB"),
                List.of(List.of(
                        Integer.toString(growth.tenants()),
                        Tables.megabytes(growth.before().totalBytes()),
                        Tables.megabytes(growth.after().totalBytes()),
                        Tables.megabytes(growth.after().cacheBytes()),
                        Report.number(growth.bytesPerTenant() / 1024.0),
                        Long.toString(growth.tenantsUntilGoal()),
                        Tables.megabytes(growth.peakWithBound().totalBytes()))),
                notes));
    }
}
