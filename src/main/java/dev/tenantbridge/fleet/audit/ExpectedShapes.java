package dev.tenantbridge.fleet.audit;

import dev.tenantbridge.common.Sql;
import dev.tenantbridge.control.OwnerRole;
import dev.tenantbridge.control.Roles;
import dev.tenantbridge.control.SchemaLock;
import dev.tenantbridge.control.TenantSchemaMigrator;
import dev.tenantbridge.fleet.provisioning.FastProvisioning;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The expected shape of a tenant schema for each tenant migration version of this build. The latest version's
 * comes from the template schema; an older version's from a scratch schema that Flyway migrates up to that
 * version, read once and dropped. Shapes are kept for the life of the service, since the build's scripts cannot
 * change under it. Safe for concurrent audit workers: a version's shape is built by one of them while the others
 * wait.
 */
@ApplicationScoped
class ExpectedShapes {

    private static final String SCRATCH_PREFIX = "bridge_audit_v";

    private final AgroalDataSource pool;
    private final TenantSchemaMigrator migrator;
    private final FastProvisioning provisioning;
    private final OwnerRole owner;
    private final Map<String, Set<String>> shapes = new HashMap<>();

    ExpectedShapes(
            AgroalDataSource pool, TenantSchemaMigrator migrator, FastProvisioning provisioning, OwnerRole owner) {
        this.pool = pool;
        this.migrator = migrator;
        this.provisioning = provisioning;
        this.owner = owner;
    }

    /** The shape a schema on {@code version} must have, or empty when this build does not know that version. */
    synchronized Optional<Set<String>> of(String version) throws SQLException {
        if (!known(version)) {
            return Optional.empty();
        }
        Set<String> shape = shapes.get(version);
        if (shape == null) {
            shape = version.equals(migrator.latestVersion()) ? latest() : older(version);
            shapes.put(version, shape);
        }
        return Optional.of(shape);
    }

    private boolean known(String version) {
        return version != null
                && migrator.knownMigrations().stream()
                        .anyMatch(m -> m.getVersion().getVersion().equals(version));
    }

    private Set<String> latest() throws SQLException {
        String template = provisioning.ensureTemplate();
        try (Connection connection = pool.getConnection()) {
            return SchemaShape.of(connection, template);
        }
    }

    private Set<String> older(String version) throws SQLException {
        long started = System.nanoTime();
        String scratch = SCRATCH_PREFIX + version.replaceAll("[^0-9a-z]", "_");
        try (Connection connection = pool.getConnection()) {
            SchemaLock.lock(connection, scratch);
            try {
                drop(connection, scratch);
                // Tenant migrations grant to the role that shares their schema's name, as a tenant's does.
                Roles.ensure(connection, scratch);
                try (Statement statement = connection.createStatement()) {
                    statement.execute(
                            "CREATE SCHEMA " + Sql.quote(scratch) + " AUTHORIZATION " + Sql.quote(owner.name()));
                }
                migrator.migrateTo(scratch, version);
                Set<String> shape = SchemaShape.of(connection, scratch);
                drop(connection, scratch);
                Log.infof(
                        "Expected shape of tenant version %s read in %d ms",
                        version, (System.nanoTime() - started) / 1_000_000);
                return shape;
            } finally {
                SchemaLock.unlock(connection, scratch);
            }
        }
    }

    private void drop(Connection connection, String scratch) throws SQLException {
        try (Connection asOwner = owner.connect(scratch);
                Statement statement = asOwner.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + Sql.quote(scratch) + " CASCADE");
        }
        Roles.dropIfExists(connection, scratch);
    }
}
