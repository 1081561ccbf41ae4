package dev.tenantbridge.common;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Reads a list endpoint's query parameters and collects every problem before answering: an unknown or repeated
 * parameter and each value of the wrong shape is one violation, and {@link #check()} answers 400 listing them all.
 * Getters return null for an absent (or invalid) parameter, so a caller reads them all first, then checks.
 */
public final class QueryParams {

    private final MultivaluedMap<String, String> values;
    private final List<Problem.Violation> violations = new ArrayList<>();

    private QueryParams(MultivaluedMap<String, String> values) {
        this.values = values;
    }

    /** Starts reading a request's query, refusing every parameter not named here (and every repeated one). */
    public static QueryParams of(UriInfo uri, String... allowed) {
        QueryParams params = new QueryParams(uri.getQueryParameters());
        Set<String> known = Set.of(allowed);
        for (String name : new TreeSet<>(params.values.keySet())) {
            if (!known.contains(name)) {
                params.reject(name, "is not a parameter of this endpoint; known: " + String.join(", ", allowed));
            } else if (params.values.get(name).size() > 1) {
                params.reject(name, "must be given at most once");
            }
        }
        return params;
    }

    /** The paging parameters {@code page} (from 0) and {@code size} (from 1 to the maximum, by default 20). */
    public Page.Request page(int maxSize) {
        Integer page = integer("page", 0, Integer.MAX_VALUE / maxSize);
        Integer size = integer("size", 1, maxSize);
        return new Page.Request(page == null ? 0 : page, size == null ? Math.min(Page.DEFAULT_SIZE, maxSize) : size);
    }

    public String text(String name, int maxLength) {
        String value = raw(name);
        if (value != null && (value.isBlank() || value.length() > maxLength)) {
            return reject(name, "must be 1 to " + maxLength + " characters");
        }
        return value;
    }

    public String oneOf(String name, String... choices) {
        String value = raw(name);
        if (value != null && !Arrays.asList(choices).contains(value)) {
            return reject(name, "must be one of " + String.join(", ", choices));
        }
        return value;
    }

    public Integer integer(String name, int min, int max) {
        String value = raw(name);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below, as for a value out of range.
        }
        return reject(
                name,
                max == Integer.MAX_VALUE
                        ? "must be a whole number of " + min + " or more"
                        : "must be a whole number from " + min + " to " + max);
    }

    /** A non-negative amount with at most two decimals. */
    public BigDecimal amount(String name) {
        String value = raw(name);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() >= 0 && amount.stripTrailingZeros().scale() <= 2) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        return reject(name, "must be an amount of 0 or more with at most two decimals");
    }

    public Boolean bool(String name) {
        String value = raw(name);
        if (value == null || value.equals("true") || value.equals("false")) {
            return value == null ? null : Boolean.valueOf(value);
        }
        return reject(name, "must be true or false");
    }

    public UUID uuid(String name) {
        String value = raw(name);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return reject(name, "must be a UUID");
        }
    }

    /** A calendar date, {@code 2026-01-31}. */
    public LocalDate date(String name) {
        String value = raw(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return reject(name, "must be a date such as 2026-01-31");
        }
    }

    /** Records a problem that involves several parameters, such as a range whose end comes before its start. */
    public void require(boolean condition, String name, String message) {
        if (!condition) {
            reject(name, message);
        }
    }

    /** Answers 400 listing every problem found, if there is any. */
    public void check() {
        if (!violations.isEmpty()) {
            throw new ProblemException(
                    400, "validation", "Invalid input", "Invalid query parameters", List.copyOf(violations));
        }
    }

    private String raw(String name) {
        List<String> given = values.get(name);
        return given == null || given.size() != 1 ? null : given.get(0);
    }

    private <T> T reject(String name, String message) {
        violations.add(new Problem.Violation(name, message));
        return null;
    }
}
