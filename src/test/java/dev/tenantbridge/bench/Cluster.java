package dev.tenantbridge.bench;

import dev.tenantbridge.local.EmbeddedDatabase;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The PostgreSQL the run uses: the embedded server, set up exactly as in dev mode and tests (an ordinary login
 * role that owns its database and may create roles), or an existing server named by a JDBC URL.
 */
final class Cluster implements AutoCloseable {

    private final EmbeddedPostgres server;
    private final String url;
    private final String user;
    private final String password;

    private Cluster(EmbeddedPostgres server, String url, String user, String password) {
        this.server = server;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    static Cluster open(BenchOptions options) throws IOException {
        if (!options.embedded()) {
            return new Cluster(null, options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword());
        }
        EmbeddedPostgres server = EmbeddedDatabase.startServer();
        return new Cluster(server, EmbeddedDatabase.jdbcUrl(server), EmbeddedDatabase.ROLE, EmbeddedDatabase.ROLE);
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** A connection as the service's login role. */
    Connection login() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * A connection that may read backend statistics and change role memberships: the superuser of the embedded
     * server, or the login role of an existing one (which then needs those rights itself).
     */
    Connection admin() throws SQLException {
        return server != null
                ? server.getDatabase("postgres", EmbeddedDatabase.DATABASE).getConnection()
                : login();
    }

    /**
     * A pool of connections as the service's login role, each running {@code initialSql} (when not null) once
     * when it is opened.
     */
    AgroalDataSource pool(int size, String initialSql) throws SQLException {
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(size)
                        .acquisitionTimeout(Duration.ofSeconds(10))
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(url)
                                .principal(new NamePrincipal(user))
                                .credential(new SimplePassword(password))
                                .initialSql(initialSql))));
    }

    String version() throws SQLException {
        try (Connection connection = login();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }
}
