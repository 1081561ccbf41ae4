package dev.tenantbridge.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tenant routing cost: each workload with all traffic on one tenant and spread evenly over all the run's tenants,
 * first with the service's per-transaction routing, then with Quarkus's built-in SCHEMA handling as the peer
 * ({@code tenant-bridge.routing.mode=session-schema}).
 *
 * <p>The peer needs a login role that reads every tenant's tables, as Quarkus's default does; for its run the
 * login role inherits the tenant owner role's privileges, and gives them up again afterwards.
 */
final class RoutingSection implements Section {

    /** The workloads measured single and spread, in each routing mode. */
    static final List<String> WORKLOADS = List.of(ReadProduct.NAME, CreateProduct.NAME, PlaceOrder.NAME);

    static final String SINGLE = "single";
    static final String SPREAD = "spread";
    static final double SPREAD_GOAL = 0.90;

    private static final String OWNER_ROLE = "tenant_bridge_owner";

    /**
     * The per-transaction routing with the tenant catalog cached for 60 s instead of the default 2 s: shows how
     * much of the spread cost is the catalog re-read of tenants visited less often than the cache lives.
     */
    static final String LONG_CACHE = Run.TRANSACTION + "-cache-60s";

    private static final Map<String, String> LONG_CACHE_SETTINGS = Map.of("TENANT_BRIDGE_CATALOG_CACHE_TTL", "60s");

    @Override
    public String key() {
        return "routing";
    }

    @Override
    public String name() {
        return "tenant routing cost";
    }

    static String label(String mode, String workload, String distribution) {
        return mode + "-" + workload + "-" + distribution;
    }

    @Override
    public void run(Run run) throws Exception {
        List<Map<String, String>> tenants;
        try (Service service = run.startReady("routing-transaction", Run.TRANSACTION)) {
            tenants = run.tenants(service, run.options.tenants());
            measure(run, service, Run.TRANSACTION, tenants, WORKLOADS);
        }
        try (Service service = run.startReady("routing-" + LONG_CACHE, Run.TRANSACTION, LONG_CACHE_SETTINGS)) {
            measure(run, service, LONG_CACHE, tenants, List.of(ReadProduct.NAME));
        }
        List<String> notes = new ArrayList<>();
        if (letLoginRoleInherit(run.cluster, true, notes)) {
            try (Service service = run.startReady("routing-session-schema", Run.SESSION_SCHEMA)) {
                measure(run, service, Run.SESSION_SCHEMA, tenants, WORKLOADS);
            } finally {
                letLoginRoleInherit(run.cluster, false, notes);
            }
        }
        report(run, tenants.size(), notes);
    }

    private static void measure(
            Run run, Service service, String setup, List<Map<String, String>> tenants, List<String> workloads)
            throws Exception {
        for (String workload : workloads) {
            run.warmUp(service, workload, tenants);
        }
        for (String workload : workloads) {
            run.compare(
                    service,
                    workload,
                    label(setup, workload, SINGLE),
                    tenants.subList(0, 1),
                    label(setup, workload, SPREAD),
                    tenants);
        }
    }

    private static boolean letLoginRoleInherit(Cluster cluster, boolean inherit, List<String> notes) {
        String sql = "GRANT " + OWNER_ROLE + " TO " + cluster.user() + " WITH INHERIT " + inherit;
        try (Connection connection = cluster.admin();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return true;
        } catch (SQLException e) {
            notes.add("The session-schema peer was not measured: `" + sql + "` was refused (" + e.getMessage() + ").");
            return false;
        }
    }

    private static void report(Run run, int tenants, List<String> notes) {
        List<List<String>> rows = new ArrayList<>();
        for (String mode : List.of(Run.TRANSACTION, LONG_CACHE, Run.SESSION_SCHEMA)) {
            for (String workload : WORKLOADS) {
                for (String distribution : List.of(SINGLE, SPREAD)) {
                    String label = label(mode, workload, distribution);
                    if (run.hasResult(label)) {
                        rows.add(Tables.loadRow(mode, workload, run.result(label)));
                    }
                }
            }
        }
        goals(run);
        notes.add("`" + LONG_CACHE + "`: the same per-transaction routing with `tenant-bridge.catalog-cache-ttl=60s`"
                + " instead of 2 s, to show how much of the spread cost is the request path re-reading the catalog"
                + " entry of a tenant it last saw longer ago than the cache lives.");
        notes.add("Peer: `session-schema` calls `Connection.setSchema` on every checkout (PgJDBC sends `SET SESSION"
                + " search_path`, which stays on the connection when it returns to the pool), with no role switch and"
                + " no statement timeout, as Quarkus's built-in SCHEMA multitenancy does. Latency is per request,"
                + " closed loop: each connection sends its next request when the last is answered.");
        notes.add("Order: single, spread, spread, single, each phase half the measured time after its own warm-up;"
                + " each row adds up both of its phases (p50 and p99: the mean of the two), so a service that is"
                + " still getting faster favours neither distribution.");
        run.report.table(new Report.Table(
                "Tenant routing cost",
                Tables.conditions(
                        run, "single: all traffic on one tenant; spread: evenly over " + tenants + " tenants in turn"),
                Tables.LOAD_COLUMNS,
                rows,
                notes));
    }

    private static void goals(Run run) {
        LoadResult cachedSingle = run.result(label(LONG_CACHE, ReadProduct.NAME, SINGLE));
        LoadResult cachedSpread = run.result(label(LONG_CACHE, ReadProduct.NAME, SPREAD));
        double cached = Tables.rate(cachedSpread) / Tables.rate(cachedSingle);
        run.report.goal(
                "routing read-product, catalog cache 60 s: spread ÷ single req/s",
                cached,
                "≥ " + SPREAD_GOAL,
                cached >= SPREAD_GOAL,
                "diagnostic, not the default setting");
        for (String workload : WORKLOADS) {
            LoadResult single = run.result(label(Run.TRANSACTION, workload, SINGLE));
            LoadResult spread = run.result(label(Run.TRANSACTION, workload, SPREAD));
            double ratio = Tables.rate(spread) / Tables.rate(single);
            run.report.goal(
                    "routing " + workload + ": spread ÷ single req/s",
                    ratio,
                    "≥ " + SPREAD_GOAL,
                    ratio >= SPREAD_GOAL,
                    "transaction mode, " + spread.tenants() + " tenants vs 1");
            String peerLabel = label(Run.SESSION_SCHEMA, workload, SPREAD);
            if (run.hasResult(peerLabel)) {
                double versusPeer = Tables.rate(spread) / Tables.rate(run.result(peerLabel));
                run.report.goal(
                        "routing " + workload + ": transaction ÷ session-schema req/s",
                        versusPeer,
                        "≥ 1.00",
                        versusPeer >= 1.0,
                        "spread over " + spread.tenants() + " tenants; the peer is Quarkus's built-in SCHEMA handling");
            }
        }
    }
}
