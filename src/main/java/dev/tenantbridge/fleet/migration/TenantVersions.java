package dev.tenantbridge.fleet.migration;

import dev.tenantbridge.catalog.CatalogException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog's record of which version each tenant schema is on: the one query that finds the tenants not on the
 * latest version, and the updates that keep {@code schema_version} true after each migration.
 */
@ApplicationScoped
public class TenantVersions {

    /** A tenant whose schema is on another version than the latest. */
    public record Behind(String tenantId, String schemaName, String version) {}

    private final AgroalDataSource pool;

    TenantVersions(AgroalDataSource pool) {
        this.pool = pool;
    }

    /**
     * In one query: the migratable tenants (built once, so active, suspended or failed with a version) whose
     * version differs from {@code latest}, among {@code subset} or the whole catalog when it is null.
     */
    public List<Behind> notOn(String latest, List<String> subset) {
        String sql = "SELECT id, schema_name, schema_version FROM control.tenants"
                + " WHERE status IN ('active', 'suspended', 'failed') AND schema_version IS NOT NULL"
                + " AND schema_version <> ? AND (?::text[] IS NULL OR id = ANY(?::text[])) ORDER BY id";
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            Array ids = subset == null ? null : connection.createArrayOf("text", subset.toArray());
            statement.setString(1, latest);
            statement.setArray(2, ids);
            statement.setArray(3, ids);
            List<Behind> behind = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    behind.add(new Behind(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
            return behind;
        } catch (SQLException e) {
            throw new CatalogException("Could not find the tenants behind version " + latest, e);
        }
    }

    /** The ids of the tenants whose schema was built once (a version is recorded), among {@code subset} or all. */
    public List<String> built(List<String> subset) {
        String sql = "SELECT id FROM control.tenants WHERE schema_version IS NOT NULL"
                + " AND status IN ('active', 'suspended', 'failed') AND (?::text[] IS NULL OR id = ANY(?::text[]))"
                + " ORDER BY id";
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            Array ids = subset == null ? null : connection.createArrayOf("text", subset.toArray());
            statement.setArray(1, ids);
            statement.setArray(2, ids);
            List<String> built = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    built.add(rows.getString(1));
                }
            }
            return built;
        } catch (SQLException e) {
            throw new CatalogException("Could not list the tenants", e);
        }
    }

    /** The ids among {@code ids} that the catalog does not know. */
    public List<String> unknown(List<String> ids) {
        String sql = "SELECT i FROM unnest(?::text[]) i WHERE NOT EXISTS (SELECT 1 FROM control.tenants WHERE id = i)";
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
            List<String> unknown = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    unknown.add(rows.getString(1));
                }
            }
            return unknown;
        } catch (SQLException e) {
            throw new CatalogException("Could not look up tenants", e);
        }
    }

    /** Records a completed migration: the new version, and a tenant failed by an earlier migration is active again. */
    public void migrated(Connection connection, String tenantId, String version) throws SQLException {
        String sql = "UPDATE control.tenants SET schema_version = ?, last_error = NULL, updated_at = now(),"
                + " status = CASE WHEN status = 'failed' THEN 'active' ELSE status END WHERE id = ?";
        update(connection, sql, version, tenantId);
    }

    /** Records a failed migration: the version the schema is really on, the failed status and the error. */
    public void failed(Connection connection, String tenantId, String version, String error) throws SQLException {
        String sql = "UPDATE control.tenants SET schema_version = coalesce(?, schema_version), status = 'failed',"
                + " last_error = ?, updated_at = now() WHERE id = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, version);
            statement.setString(2, error);
            statement.setString(3, tenantId);
            statement.executeUpdate();
        }
    }

    private static void update(Connection connection, String sql, String version, String tenantId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, version);
            statement.setString(2, tenantId);
            statement.executeUpdate();
        }
    }
}
