package dev.tenantbridge.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the where clause of a list query from optional filters: a filter whose value is null is left out. */
public final class Where {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    /** Adds a clause with one named parameter, for example {@code ("category = :category", "category", value)}. */
    public Where and(String clause, String parameter, Object value) {
        if (value != null) {
            clauses.add(clause);
            parameters.put(parameter, value);
        }
        return this;
    }

    /** Adds a clause without parameters when the condition holds. */
    public Where andIf(boolean condition, String clause) {
        if (condition) {
            clauses.add(clause);
        }
        return this;
    }

    /** The clause for a Panache query; {@code 1 = 1} when no filter applies. */
    public String clause() {
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
