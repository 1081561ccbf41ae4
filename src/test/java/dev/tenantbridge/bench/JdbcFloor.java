package dev.tenantbridge.bench;

import dev.tenantbridge.catalog.TenantRecord;
import dev.tenantbridge.catalog.TenantStatus;
import dev.tenantbridge.tenancy.TenantId;
import dev.tenantbridge.tenancy.TenantSession;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The floor under the service's figures: the same product read over plain JDBC through an Agroal pool of the
 * service's default size, in this process, without HTTP, JSON or Hibernate. Each read is one transaction that
 * enters the tenant with the service's own {@link TenantSession}, as the service's routing does.
 */
final class JdbcFloor {

    /** The service's default pool size ({@code quarkus.datasource.jdbc.max-size}). */
    static final int POOL_SIZE = 20;

    static final String READ = "SELECT product_id, name, description, price, stock_quantity, sku, category,"
            + " created_at, updated_at FROM products WHERE product_id = ?";

    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    private final Cluster cluster;
    private final BenchOptions options;

    JdbcFloor(Cluster cluster, BenchOptions options) {
        this.cluster = cluster;
        this.options = options;
    }

    LoadResult run(String label, List<Map<String, String>> tenants) throws Exception {
        Progress.say("load %s: JDBC read over %d tenant(s), %d threads", label, tenants.size(), options.connections());
        try (AgroalDataSource pool = cluster.pool(POOL_SIZE, null)) {
            Phase phase = new Phase(pool, tenants, options);
            List<Thread> threads = new ArrayList<>();
            List<Latencies> recorders = new ArrayList<>();
            for (int i = 0; i < options.connections(); i++) {
                Latencies recorder = new Latencies();
                recorders.add(recorder);
                Thread thread = new Thread(() -> phase.loop(recorder), "jdbc-floor-" + i);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            return phase.result(label, recorders);
        }
    }

    /** One tenant's product read as one transaction, as the service runs it; returns the product's name. */
    static String read(Connection connection, Map<String, String> fixture) throws SQLException {
        connection.setAutoCommit(false);
        try {
            TenantSession.enter(connection, record(fixture.get(Fixture.TENANT)), STATEMENT_TIMEOUT);
            try (PreparedStatement statement = connection.prepareStatement(READ)) {
                statement.setObject(1, UUID.fromString(fixture.get(Fixture.PRODUCT_ID)));
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? rows.getString("name") : null;
                }
            }
        } finally {
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    private static TenantRecord record(String tenant) {
        return new TenantRecord(
                tenant, new TenantId(tenant).schemaName(), TenantStatus.ACTIVE, null, null, null, null, null, null);
    }

    /** The shared clock and counters of one floor run; each thread loops until the measured phase ends. */
    private static final class Phase {

        private final AgroalDataSource pool;
        private final List<Map<String, String>> tenants;
        private final BenchOptions options;
        private final long measureFrom;
        private final long stopAt;
        private final AtomicLong sequence = new AtomicLong();
        private final LongAdder checked = new LongAdder();
        private final LongAdder crossings = new LongAdder();
        private final LongAdder failures = new LongAdder();
        private volatile String firstFailure;

        Phase(AgroalDataSource pool, List<Map<String, String>> tenants, BenchOptions options) {
            this.pool = pool;
            this.tenants = tenants;
            this.options = options;
            this.measureFrom = System.nanoTime() + (long) (options.warmupSeconds() * 1e9);
            this.stopAt = measureFrom + (long) (options.durationSeconds() * 1e9);
        }

        void loop(Latencies recorder) {
            for (long sent = System.nanoTime(); sent < stopAt; sent = System.nanoTime()) {
                Map<String, String> fixture = tenants.get((int) (sequence.getAndIncrement() % tenants.size()));
                String name = readOnce(fixture);
                long answered = System.nanoTime();
                if (sent >= measureFrom && answered <= stopAt) {
                    recorder.record(answered - sent);
                    count(fixture, name);
                }
            }
        }

        private String readOnce(Map<String, String> fixture) {
            try (Connection connection = pool.getConnection()) {
                return read(connection, fixture);
            } catch (SQLException e) {
                if (firstFailure == null) {
                    firstFailure = e.getMessage();
                }
                return null;
            }
        }

        private void count(Map<String, String> fixture, String name) {
            if (name == null) {
                failures.increment();
                return;
            }
            checked.increment();
            if (!name.equals(fixture.get(Fixture.PRODUCT_NAME))) {
                crossings.increment();
            }
        }

        LoadResult result(String label, List<Latencies> recorders) {
            return new LoadResult(
                    label,
                    "jdbc-" + ReadProduct.NAME,
                    tenants.size(),
                    options.connections(),
                    options.warmupSeconds(),
                    Latencies.summarize(options.durationSeconds(), recorders.toArray(Latencies[]::new)),
                    checked.sum(),
                    crossings.sum(),
                    failures.sum(),
                    firstFailure);
        }
    }
}
