package dev.tenantbridge.bench;

/**
 * One part of the report. The sections run in the order {@link Benchmark} lists them and share the run's state
 * (tenants prepared, load results so far); a new set of figures is a new section in that list.
 */
interface Section {

    /** What the progress output calls it. */
    String name();

    /** The short name that {@code -Dbench.sections} selects it by. */
    String key();

    void run(Run run) throws Exception;
}
