package dev.tenantbridge.bench;

import java.util.List;

/**
 * Provisioning as the run prepared its tenants through {@code POST /admin/tenants}: time per tenant and the rate.
 * Fleet figures (fast provisioning, migrations over the fleet) join this section as their operations arrive.
 */
final class ProvisioningSection implements Section {

    @Override
    public String key() {
        return "provisioning";
    }

    @Override
    public String name() {
        return "provisioning";
    }

    @Override
    public void run(Run run) {
        List<Long> millis = run.provisioningMillis;
        if (millis.isEmpty()) {
            Progress.say("no tenant was created in this run (all existed); skipped");
            return;
        }
        long[] sorted = millis.stream().mapToLong(m -> m * 1_000_000).sorted().toArray();
        Latencies.Summary summary = Latencies.Summary.of(sorted.length, run.provisioningWallSeconds, sorted);
        run.report.figures("provisioning", summary);
        run.report.table(new Report.Table(
                "Provisioning through the API",
                "Each tenant: schema, NOLOGIN role, tenant migrations, grants, then active; "
                        + run.options.provisioningParallelism() + " calls in flight.",
                List.of("Tenants created", "wall s (with a product each)", "tenants/s", "p50 ms", "p99 ms", "mean ms"),
                List.of(List.of(
                        Long.toString(summary.requests()),
                        Report.number(summary.seconds()),
                        Report.number(summary.requestsPerSecond()),
                        Report.number(summary.p50Ms()),
                        Report.number(summary.p99Ms()),
                        Report.number(summary.meanMs()))),
                List.of()));
    }
}
