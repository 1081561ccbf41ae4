package dev.tenantbridge.bench;

import java.util.List;

/** Isolation under load: every success of every load in the run was checked to belong to the tenant that asked. */
final class IsolationSection implements Section {

    @Override
    public String key() {
        return "isolation";
    }

    @Override
    public String name() {
        return "isolation under load";
    }

    @Override
    public void run(Run run) {
        long checked = run.loads.stream().mapToLong(LoadResult::checked).sum();
        long crossed = run.loads.stream().mapToLong(LoadResult::crossings).sum();
        long failed = run.loads.stream().mapToLong(LoadResult::failures).sum();
        run.report.goal(
                "responses that crossed tenants",
                crossed,
                "0",
                crossed == 0 && checked > 0,
                checked + " responses checked in " + run.loads.size() + " loads");
        run.report.table(new Report.Table(
                "Isolation under load",
                "Every successful response of the measured phases, HTTP and JDBC, was checked: a product read must"
                        + " return the asking tenant's product (its name carries the tenant id), a create must return"
                        + " the name and sku sent, an order the tenant's buyer, the product ordered and the tenant id"
                        + " as its shipping address.",
                List.of("Loads", "responses checked", "crossed tenants", "failed requests"),
                List.of(List.of(
                        Integer.toString(run.loads.size()),
                        Long.toString(checked),
                        Long.toString(crossed),
                        Long.toString(failed))),
                List.of()));
    }
}
