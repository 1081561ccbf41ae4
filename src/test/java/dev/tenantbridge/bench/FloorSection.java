package dev.tenantbridge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stack overhead: the product read over plain JDBC through an Agroal pool (the floor) next to the same read
 * through the service, and the memory one pooled backend holds after serving every tenant once.
 */
final class FloorSection implements Section {

    static final String POOL_POLICY = "quarkus.datasource.jdbc.max-lifetime";

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
        memory(run, tenants);
    }

    static void memory(Run run, List<Map<String, String>> tenants) throws Exception {
        Progress.say("backend memory after serving %d tenants", tenants.size());
        BackendMemory.Growth growth = BackendMemory.measure(run.cluster, tenants);
        run.report.figures("backend_memory_" + tenants.size(), growth);
        run.report.goal(
                "backend memory after " + tenants.size() + " tenants (MB)",
                growth.after().totalBytes() / (1024.0 * 1024.0),
                "≤ 64",
                growth.after().totalBytes() <= BackendMemory.GOAL_BYTES,
                "one connection, one read per tenant");
        run.report.table(new Report.Table(
                "Backend memory after serving " + tenants.size() + " tenants",
                "One pooled connection ran one product read per tenant, each in its own transaction with the"
                        + " service's routing; figures from pg_backend_memory_contexts.",
                List.of(
                        "Tenants",
                        "total before MB",
                        "total after MB",
                        "caches after MB",
                        "KB per tenant",
                        "tenants until 64 MB"),
                List.of(List.of(
                        Integer.toString(growth.tenants()),
                        Tables.megabytes(growth.before().totalBytes()),
                        Tables.megabytes(growth.after().totalBytes()),
                        Tables.megabytes(growth.after().cacheBytes()),
                        Report.number(growth.bytesPerTenant() / 1024.0),
                        Long.toString(growth.tenantsUntilGoal()))),
                List.of("Pool policy that bounds it: `" + POOL_POLICY + "` retires every pooled connection after a"
                        + " fixed time, so a backend's caches hold at most the tenants it served in that time.")));
    }
}
