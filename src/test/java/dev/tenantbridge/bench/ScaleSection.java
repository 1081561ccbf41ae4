package dev.tenantbridge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Many schemas: for each larger tenant count asked for ({@code -Dbench.scale=1000,10000}), the spread read over
 * that many tenants next to the spread over the base count, measured in the same service process, the backend
 * memory after serving them all, and (with the fleet section) provisioning and fleet migration at that size.
 */
final class ScaleSection implements Section {

    static final double LATENCY_GOAL = 1.2;

    @Override
    public String key() {
        return "scale";
    }

    @Override
    public String name() {
        return "many schemas";
    }

    @Override
    public void run(Run run) throws Exception {
        if (run.options.scale().isEmpty()) {
            Progress.say("no larger tenant counts asked for (-Dbench.scale=1000,10000); skipped");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (int count : run.options.scale()) {
            try (Service service = run.startReady("scale-" + count, Run.TRANSACTION)) {
                List<Map<String, String>> tenants = run.tenants(service, count);
                int base = run.options.tenants();
                run.warmUp(service, ReadProduct.NAME, tenants);
                Run.Comparison compared = run.compare(
                        service,
                        ReadProduct.NAME,
                        "scale-" + count + "-baseline-" + base,
                        tenants.subList(0, base),
                        "scale-" + count,
                        tenants);
                LoadResult baseline = compared.a();
                LoadResult many = compared.b();
                String pair = Run.TRANSACTION + ", beside " + count;
                rows.add(Tables.loadRow(pair, ReadProduct.NAME, baseline));
                rows.add(Tables.loadRow(pair, ReadProduct.NAME, many));
                double ratio = many.measured().p50Ms() / baseline.measured().p50Ms();
                run.report.goal(
                        "p50 latency " + count + " ÷ " + base + " tenants",
                        ratio,
                        "≤ " + LATENCY_GOAL,
                        ratio <= LATENCY_GOAL,
                        "spread read, same service process");
                run.report.goal(
                        "p99 latency " + count + " ÷ " + base + " tenants",
                        many.measured().p99Ms() / baseline.measured().p99Ms(),
                        "≤ " + LATENCY_GOAL,
                        many.measured().p99Ms() / baseline.measured().p99Ms() <= LATENCY_GOAL,
                        "spread read, same service process");
                FloorSection.memory(run, tenants, BackendMemory.service(run.cluster));
            }
            if (run.options.runs(FleetSection.KEY)) {
                FleetFigures.measure(run);
            }
        }
        run.report.table(new Report.Table(
                "Many schemas",
                Tables.conditions(
                        run,
                        "each larger count next to the base count in the same service process, in the order"
                                + " base, larger, larger, base, each row adding up its two phases"),
                Tables.LOAD_COLUMNS,
                rows,
                List.of()));
    }
}
