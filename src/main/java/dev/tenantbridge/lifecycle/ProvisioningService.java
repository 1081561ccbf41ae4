package dev.tenantbridge.lifecycle;

import dev.tenantbridge.catalog.CatalogException;
import dev.tenantbridge.catalog.TenantCatalog;
import dev.tenantbridge.catalog.TenantRecord;
import dev.tenantbridge.catalog.TenantStatus;
import dev.tenantbridge.common.BridgeConfig;
import dev.tenantbridge.common.ProblemException;
import dev.tenantbridge.common.Sql;
import dev.tenantbridge.control.OwnerRole;
import dev.tenantbridge.control.Roles;
import dev.tenantbridge.control.SchemaLock;
import dev.tenantbridge.control.TenantSchemaGrants;
import dev.tenantbridge.fleet.provisioning.FastProvisioning;
import dev.tenantbridge.fleet.provisioning.ProvisioningLedger;
import dev.tenantbridge.fleet.provisioning.SchemaBuild;
import dev.tenantbridge.tenancy.BackendBudget;
import dev.tenantbridge.tenancy.RoleMemberships;
import dev.tenantbridge.tenancy.TenantDirectory;
import dev.tenantbridge.tenancy.TenantId;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Creates and removes tenants. Provisioning is idempotent and resumable: every step checks what already exists,
 * so a retry after a crash half way finishes the tenant, and the catalog says {@code active} only once the schema
 * is complete. Concurrent calls for one schema are serialized by a PostgreSQL advisory lock.
 */
@ApplicationScoped
public class ProvisioningService {

    private static final int LOCK_SPACE = SchemaLock.LOCK_SPACE;
    private static final int CATALOG_LOCK = 0;

    private final AgroalDataSource pool;
    private final TenantCatalog catalog;
    private final TenantDirectory directory;
    private final OwnerRole owner;
    private final BridgeConfig config;
    private final FastProvisioning fastProvisioning;
    private final ProvisioningLedger ledger;
    private final BackendBudget budget;

    ProvisioningService(
            AgroalDataSource pool,
            TenantCatalog catalog,
            TenantDirectory directory,
            OwnerRole owner,
            BridgeConfig config,
            FastProvisioning fastProvisioning,
            ProvisioningLedger ledger,
            BackendBudget budget) {
        this.pool = pool;
        this.catalog = catalog;
        this.directory = directory;
        this.owner = owner;
        this.config = config;
        this.fastProvisioning = fastProvisioning;
        this.ledger = ledger;
        this.budget = budget;
    }

    /** The outcome of a provisioning call: the tenant, and whether this call created it. */
    public record Provisioned(TenantRecord tenant, boolean created) {}

    public Provisioned provision(TenantId id) {
        long started = System.nanoTime();
        try (Connection connection = pool.getConnection()) {
            lockSchema(connection, id);
            try {
                Registration registration = register(connection, id);
                if (registration.tenant().status() != TenantStatus.PROVISIONING
                        && registration.tenant().status() != TenantStatus.FAILED) {
                    return new Provisioned(registration.tenant(), false);
                }
                TenantRecord active = build(connection, id);
                Log.infof(
                        "Tenant %s provisioned in schema %s (version %s) in %d ms",
                        id, id.schemaName(), active.schemaVersion(), (System.nanoTime() - started) / 1_000_000);
                return new Provisioned(active, registration.created());
            } finally {
                unlockSchema(connection, id);
            }
        } catch (SQLException e) {
            throw new CatalogException("Could not provision tenant " + id, e);
        }
    }

    private record Registration(TenantRecord tenant, boolean created) {}

    /**
     * Finds or inserts the catalog row, checking the schema-name conflict, that no schema or role of the new
     * tenant's names exists already, and the tenant limit.
     */
    private Registration register(Connection connection, TenantId id) throws SQLException {
        connection.setAutoCommit(false);
        try {
            advisoryXactLock(connection, CATALOG_LOCK);
            Optional<TenantRecord> existing = catalog.find(connection, id.value(), true);
            if (existing.isPresent()) {
                connection.commit();
                return new Registration(existing.get(), false);
            }
            Optional<TenantRecord> sameSchema = catalog.findBySchema(connection, id.schemaName());
            if (sameSchema.isPresent()) {
                throw ProblemException.conflict(
                        "schema-conflict",
                        "Tenant id " + id + " maps to schema " + id.schemaName() + ", which tenant "
                                + sameSchema.get().id() + " already uses");
            }
            refuseWhatExistsOutsideTheCatalog(connection, id);
            long count = catalog.countAll(connection);
            if (count >= config.maxTenants()) {
                throw new ProblemException(
                        409,
                        "tenant-limit-reached",
                        "Tenant limit reached",
                        "This cluster already holds " + count + " tenants, the configured maximum ("
                                + config.maxTenants() + ")");
            }
            TenantRecord inserted = catalog.insertProvisioning(connection, id.value(), id.schemaName());
            connection.commit();
            return new Registration(inserted, true);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * A new tenant must not take over a schema or role that exists outside the catalog: the tenant role would
     * keep whatever it was granted (the owner role itself is named like a tenant's, {@code tenant_bridge_owner}
     * for id {@code bridge_owner}), and the schema whatever it holds. A retry of a tenant in the catalog may find
     * its own from the attempt before; that path does not come here.
     */
    private static void refuseWhatExistsOutsideTheCatalog(Connection connection, TenantId id) throws SQLException {
        boolean role = Roles.exists(connection, id.roleName());
        boolean schema;
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)")) {
            statement.setString(1, id.schemaName());
            try (var rows = statement.executeQuery()) {
                rows.next();
                schema = rows.getBoolean(1);
            }
        }
        if (role || schema) {
            throw ProblemException.conflict(
                    "name-taken",
                    "Tenant id " + id + " maps to " + (role ? "role " + id.roleName() : "")
                            + (role && schema ? " and " : "") + (schema ? "schema " + id.schemaName() : "")
                            + ", which already exists in the database outside the tenant catalog");
        }
    }

    /**
     * Builds whatever of the tenant is missing, records the versions applied in the ledger, then marks it active;
     * on failure marks it failed.
     */
    private TenantRecord build(Connection connection, TenantId id) {
        OffsetDateTime started = OffsetDateTime.now();
        try {
            Roles.ensure(connection, id.roleName());
            createSchema(connection, id);
            budget.built(connection, id.schemaName());
            Optional<SchemaBuild> replayed = fastProvisioning.build(connection, id);
            SchemaBuild build = replayed.isPresent() ? replayed.get() : migrateWithFlyway(id);
            ledger.built(connection, id.value(), started, build);
            // Once more just before the tenant turns active: a backend whose membership list straddled the
            // role's creation has long finished it by now.
            RoleMemberships.touch(connection);
            TenantRecord active =
                    catalog.markActive(id.value(), build.version()).orElseThrow();
            directory.invalidate(id.value());
            return active;
        } catch (SQLException | RuntimeException e) {
            Log.errorf(e, "Provisioning tenant %s failed; a retry resumes it", id);
            ledger.failed(connection, id.value(), started, e);
            catalog.updateStatus(id.value(), TenantStatus.FAILED, "Provisioning failed: " + summary(e));
            directory.invalidate(id.value());
            throw new ProblemException(
                    500,
                    "provisioning-failed",
                    "Provisioning failed",
                    "Tenant " + id + " could not be provisioned; it is marked failed and a retry resumes it");
        }
    }

    private SchemaBuild migrateWithFlyway(TenantId id) throws SQLException {
        try (Connection asOwner = owner.connect(id.schemaName())) {
            prepareSchema(asOwner, id);
        }
        SchemaBuild build = ledger.migrateWithFlyway(id.schemaName());
        try (Connection asOwner = owner.connect(id.schemaName())) {
            grantTables(asOwner, id);
        }
        return build;
    }

    /** The login role creates the schema (it may create in its database) and hands it to the owner role. */
    private void createSchema(Connection connection, TenantId id) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(TenantSchemaGrants.createSchema(id, owner.name()));
        }
    }

    private void prepareSchema(Connection asOwner, TenantId id) throws SQLException {
        executeAll(asOwner, TenantSchemaGrants.beforeMigrations(id));
    }

    private void grantTables(Connection asOwner, TenantId id) throws SQLException {
        executeAll(asOwner, TenantSchemaGrants.afterMigrations(asOwner, id));
    }

    private static void executeAll(Connection connection, java.util.List<String> sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    /**
     * Drops a tenant's schema with all its data, its role, its migration ledger and its catalog entry. Returns false
     * if unknown.
     */
    public boolean delete(TenantId id) {
        Optional<TenantRecord> tenant = catalog.find(id.value());
        if (tenant.isEmpty()) {
            return false;
        }
        try (Connection connection = pool.getConnection()) {
            lockSchema(connection, id);
            try {
                catalog.updateStatus(id.value(), TenantStatus.ARCHIVED, "Being deleted");
                directory.invalidate(id.value());
                try (Connection asOwner = owner.connect(id.schemaName());
                        Statement statement = asOwner.createStatement()) {
                    statement.execute("DROP SCHEMA IF EXISTS " + Sql.quote(id.schemaName()) + " CASCADE");
                }
                Roles.dropIfExists(connection, id.roleName());
                ledger.deleted(connection, id.value());
                catalog.delete(id.value());
                directory.invalidate(id.value());
                Log.infof("Tenant %s deleted: schema %s and role dropped", id, id.schemaName());
                return true;
            } finally {
                unlockSchema(connection, id);
            }
        } catch (SQLException e) {
            throw new CatalogException("Could not delete tenant " + id, e);
        }
    }

    /** Moves an existing tenant from one status to another; refuses any other starting status with 409. */
    public TenantRecord transition(TenantId id, TenantStatus from, TenantStatus to) {
        TenantRecord tenant = catalog.find(id.value()).orElseThrow(() -> ProblemException.notFound("Tenant " + id));
        if (tenant.status() == to) {
            return tenant;
        }
        if (tenant.status() != from) {
            throw ProblemException.conflict(
                    "illegal-transition",
                    "Tenant " + id + " is " + tenant.status().label() + "; only a " + from.label() + " tenant can be "
                            + (to == TenantStatus.SUSPENDED ? "suspended" : "resumed"));
        }
        TenantRecord updated = catalog.updateStatus(id.value(), to, null).orElseThrow();
        directory.invalidate(id.value());
        Log.infof("Tenant %s is now %s", id, to.label());
        return updated;
    }

    private static void lockSchema(Connection connection, TenantId id) throws SQLException {
        SchemaLock.lock(connection, id.schemaName());
    }

    private static void unlockSchema(Connection connection, TenantId id) throws SQLException {
        SchemaLock.unlock(connection, id.schemaName());
    }

    private static void advisoryXactLock(Connection connection, int key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            statement.setInt(1, LOCK_SPACE);
            statement.setInt(2, key);
            statement.execute();
        }
    }

    private static String summary(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
