package dev.tenantbridge.fleet;

import dev.tenantbridge.common.Problem;
import dev.tenantbridge.tenancy.TenantId;
import java.util.List;
import java.util.function.Function;

/** Checks a list of tenant ids a fleet request names: each must be a valid id, and known when asked. */
public final class TenantSelection {

    private TenantSelection() {}

    /**
     * Adds one violation per bad id of {@code ids} (a null list names no tenant and passes). When every id is
     * well-formed, {@code unknown} is asked which of them the catalog lacks, or skipped when it is null.
     */
    public static void check(
            String field, List<String> ids, Function<List<String>, List<String>> unknown, List<Problem.Violation> out) {
        if (ids == null) {
            return;
        }
        if (ids.isEmpty()) {
            out.add(new Problem.Violation(field, "must name at least one tenant when given"));
            return;
        }
        int before = out.size();
        for (String id : ids) {
            String problem = TenantId.problemWith(id);
            if (problem != null) {
                out.add(new Problem.Violation(field, id + ": " + problem));
            }
        }
        if (out.size() == before && unknown != null) {
            unknown.apply(ids).forEach(id -> out.add(new Problem.Violation(field, id + ": no such tenant")));
        }
    }
}
