package dev.tenantbridge.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Applies the tenant migrations ({@code db/tenant} on the class path) to one tenant schema with the Flyway Java
 * API, as the owner role. Each schema keeps its own Flyway history, exactly as Flyway writes it.
 */
@ApplicationScoped
public class TenantSchemaMigrator {

    static final String LOCATION = "classpath:db/tenant";
    private static final String NO_SCHEMA = "tenant_bridge_no_such_schema";

    private final DataSource ownerConnections;
    private volatile String latestVersion;

    TenantSchemaMigrator(OwnerRole owner) {
        this.ownerConnections = new OwnerDataSource(owner);
    }

    /** Migrates the schema to the latest tenant version and returns the version it is on afterwards. */
    public String migrate(String schemaName) {
        Flyway flyway = flyway(schemaName);
        flyway.migrate();
        return flyway.info().current().getVersion().getVersion();
    }

    /** The newest tenant migration version known to this build. */
    public String latestVersion() {
        String version = latestVersion;
        if (version == null) {
            MigrationVersion newest = MigrationVersion.EMPTY;
            // A schema that never exists: every migration shows as pending, whatever the database holds.
            for (var migration : flyway(NO_SCHEMA).info().all()) {
                if (migration.getVersion() != null && migration.getVersion().compareTo(newest) > 0) {
                    newest = migration.getVersion();
                }
            }
            version = newest.getVersion();
            latestVersion = version;
        }
        return version;
    }

    private Flyway flyway(String schemaName) {
        return Flyway.configure()
                .dataSource(ownerConnections)
                .schemas(schemaName)
                .defaultSchema(schemaName)
                .createSchemas(false)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load();
    }

    /** Connections acting as the owner role, in the shape Flyway takes. */
    private record OwnerDataSource(OwnerRole owner) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return owner.connect();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLException("Owner connections take no credentials");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getLogger(OwnerDataSource.class.getName());
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("Not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
