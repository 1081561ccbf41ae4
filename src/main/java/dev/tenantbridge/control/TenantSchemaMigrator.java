package dev.tenantbridge.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the tenant migrations ({@code db/tenant} on the class path) to one tenant schema with the Flyway Java
 * API, as the owner role. Each schema keeps its own Flyway history, exactly as Flyway writes it. Tests and
 * benchmarks may add locations ({@code tenant-bridge.fleet.extra-migration-locations}) to try a later version.
 */
@ApplicationScoped
public class TenantSchemaMigrator {

    static final String LOCATION = "classpath:db/tenant";
    private static final String NO_SCHEMA = "tenant_bridge_no_such_schema";

    private final OwnerRole owner;
    private final String[] locations;
    private volatile String latestVersion;
    private volatile List<MigrationInfo> known;

    TenantSchemaMigrator(
            OwnerRole owner,
            @ConfigProperty(name = "tenant-bridge.fleet.extra-migration-locations") Optional<List<String>> extra) {
        this.owner = owner;
        List<String> all = new ArrayList<>(List.of(LOCATION));
        extra.ifPresent(all::addAll);
        this.locations = all.toArray(String[]::new);
    }

    /** Migrates the schema to the latest tenant version and returns the version it is on afterwards. */
    public String migrate(String schemaName) {
        Flyway flyway = flyway(schemaName);
        flyway.migrate();
        return flyway.info().current().getVersion().getVersion();
    }

    /** Migrates the schema to the latest tenant version and returns what Flyway applied, with timings. */
    public MigrateResult apply(String schemaName) {
        return flyway(schemaName).migrate();
    }

    /** Migrates the schema up to {@code version} and no further, for code that needs an older version's shape. */
    public void migrateTo(String schemaName, String version) {
        configure(schemaName).target(version).load().migrate();
    }

    /** The migrations the schema's Flyway history holds as applied, oldest first, with their execution times. */
    public List<MigrationInfo> applied(String schemaName) {
        return List.of(flyway(schemaName).info().applied());
    }

    /** The version the schema's Flyway history says it is on, or null when it has none. */
    public String currentVersion(String schemaName) {
        MigrationInfo current = flyway(schemaName).info().current();
        return current == null || current.getVersion() == null
                ? null
                : current.getVersion().getVersion();
    }

    /** Every versioned tenant migration of this build, oldest first, as Flyway resolved them. */
    public List<MigrationInfo> knownMigrations() {
        List<MigrationInfo> migrations = known;
        if (migrations == null) {
            migrations = List.of(flyway(NO_SCHEMA).info().all()).stream()
                    .filter(m -> m.getVersion() != null)
                    .toList();
            known = migrations;
        }
        return migrations;
    }

    /** The tenant migration locations, for code that reads the scripts themselves. */
    public List<String> locations() {
        return List.of(locations);
    }

    /** The newest tenant migration version known to this build. */
    public String latestVersion() {
        String version = latestVersion;
        if (version == null) {
            MigrationVersion newest = MigrationVersion.EMPTY;
            // Resolved against a schema that never exists: every migration shows as pending.
            for (var migration : knownMigrations()) {
                if (migration.getVersion().compareTo(newest) > 0) {
                    newest = migration.getVersion();
                }
            }
            version = newest.getVersion();
            latestVersion = version;
        }
        return version;
    }

    private Flyway flyway(String schemaName) {
        return configure(schemaName).load();
    }

    private FluentConfiguration configure(String schemaName) {
        return Flyway.configure()
                .dataSource(new OwnerDataSource(owner, schemaName))
                .schemas(schemaName)
                .defaultSchema(schemaName)
                .createSchemas(false)
                .locations(locations)
                .failOnMissingLocations(true);
    }

    /** Connections acting as the owner role for one schema, in the shape Flyway takes. */
    private record OwnerDataSource(OwnerRole owner, String schemaName) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return owner.connect(schemaName);
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
