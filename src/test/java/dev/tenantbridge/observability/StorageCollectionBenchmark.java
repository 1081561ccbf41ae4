package dev.tenantbridge.observability;

import dev.tenantbridge.common.Sql;
import dev.tenantbridge.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shows that collecting storage for 1,000 tenant schemas is one query and well under a second, beside the
 * baseline of one query per schema, measured in the same run. Not part of the normal test run (its name does
 * not end in Test); run it with {@code ./mvnw test -Dtest=StorageCollectionBenchmark}.
 */
@QuarkusTest
class StorageCollectionBenchmark {

    private static final int SCHEMAS = 1_000;
    private static final int ROUNDS = 10;
    private static final String PER_SCHEMA = """
            SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0), coalesce(sum(pg_table_size(c.oid)), 0),
                   coalesce(sum(pg_indexes_size(c.oid)), 0), coalesce(sum(pg_stat_get_live_tuples(c.oid)), 0)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relkind IN ('r', 'm', 'p')""";

    @Inject
    FleetCollector collector;

    @Test
    void collectStorageOfAThousandSchemas() throws Exception {
        long setUp = System.nanoTime();
        createSchemas();
        System.out.printf(
                "Set up %d tenant schemas (schema version 1, one product each) in %d s%n",
                SCHEMAS, (System.nanoTime() - setUp) / 1_000_000_000);
        try (Connection connection = Database.pool().getConnection()) {
            for (int i = 0; i < 3; i++) {
                FleetQuery.read(connection);
                perSchema(connection);
            }
            long[] oneQuery = new long[ROUNDS];
            long[] baseline = new long[ROUNDS];
            int read = 0;
            for (int i = 0; i < ROUNDS; i++) {
                long started = System.nanoTime();
                read = FleetQuery.read(connection).size();
                oneQuery[i] = System.nanoTime() - started;
                started = System.nanoTime();
                perSchema(connection);
                baseline[i] = System.nanoTime() - started;
            }
            long[] full = new long[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                long started = System.nanoTime();
                collector.collect();
                full[i] = System.nanoTime() - started;
            }
            System.out.printf("Catalog entries read per collection: %d (1 statement)%n", read);
            report("one catalog query for all schemas", oneQuery);
            report("full collection (query + publishing gauges)", full);
            report("baseline: one query per schema (" + SCHEMAS + " statements)", baseline);
        } finally {
            dropSchemas();
        }
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%-60s median %7.1f ms, best %7.1f ms, worst %7.1f ms%n",
                what, sorted[sorted.length / 2] / 1e6, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static void perSchema(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(PER_SCHEMA)) {
            for (String schema : schemaNames()) {
                statement.setString(1, schema);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                }
            }
        }
    }

    private static List<String> schemaNames() {
        return java.util.stream.IntStream.range(0, SCHEMAS)
                .mapToObj(i -> "tenant_bench_" + i)
                .toList();
    }

    private static void createSchemas() throws IOException, SQLException {
        String template = template();
        try (Connection connection = Database.pool().getConnection();
                Statement statement = connection.createStatement()) {
            for (String schema : schemaNames()) {
                statement.execute("CREATE SCHEMA " + Sql.quote(schema));
                statement.execute("SET search_path TO " + Sql.quote(schema) + ", public");
                statement.execute(template);
                statement.execute("INSERT INTO products (name, price, sku) VALUES ('Anvil', 9.50, 'ANV-1')");
            }
            statement.execute("RESET search_path");
            statement.execute("INSERT INTO control.tenants (id, schema_name, status, schema_version)"
                    + " SELECT 'bench-' || i, 'tenant_bench_' || i, 'active', '1'"
                    + " FROM generate_series(0, " + (SCHEMAS - 1) + ") AS i");
        }
    }

    private static void dropSchemas() throws SQLException {
        try (Connection connection = Database.pool().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM control.tenants WHERE id LIKE 'bench-%'");
            for (String schema : schemaNames()) {
                statement.execute("DROP SCHEMA IF EXISTS " + Sql.quote(schema) + " CASCADE");
            }
        }
    }

    private static String template() throws IOException {
        try (InputStream in = StorageCollectionBenchmark.class.getResourceAsStream("/db/tenant/V1__shop_schema.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
