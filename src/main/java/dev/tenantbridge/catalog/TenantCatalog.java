package dev.tenantbridge.catalog;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the tenant catalog in the control schema with plain JDBC. Methods that take a
 * {@link Connection} join the caller's transaction; the others use a connection of their own.
 */
@ApplicationScoped
public class TenantCatalog {

    private static final String COLUMNS = "id, schema_name, status, cluster, schema_version, statement_timeout_ms,"
            + " last_error, created_at, updated_at";

    private final AgroalDataSource dataSource;

    TenantCatalog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<TenantRecord> find(String id) {
        try (Connection connection = dataSource.getConnection()) {
            return find(connection, id, false);
        } catch (SQLException e) {
            throw new CatalogException("Could not read tenant " + id + " from the catalog", e);
        }
    }

    /** Reads a tenant inside the caller's transaction, optionally locking the row until it ends. */
    public Optional<TenantRecord> find(Connection connection, String id, boolean forUpdate) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM control.tenants WHERE id = ?" + (forUpdate ? " FOR UPDATE" : "");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            return first(statement);
        }
    }

    public Optional<TenantRecord> findBySchema(Connection connection, String schemaName) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT " + COLUMNS + " FROM control.tenants WHERE schema_name = ?")) {
            statement.setString(1, schemaName);
            return first(statement);
        }
    }

    /** Every tenant of the catalog, for the request path's copy of it. */
    public List<TenantRecord> all() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT " + COLUMNS + " FROM control.tenants")) {
            return all(statement);
        } catch (SQLException e) {
            throw new CatalogException("Could not read the tenant catalog", e);
        }
    }

    public List<TenantRecord> list(TenantStatus status, int offset, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM control.tenants WHERE (?::text IS NULL OR status = ?)"
                + " ORDER BY id OFFSET ? LIMIT ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            String label = status == null ? null : status.label();
            statement.setString(1, label);
            statement.setString(2, label);
            statement.setInt(3, offset);
            statement.setInt(4, limit);
            return all(statement);
        } catch (SQLException e) {
            throw new CatalogException("Could not list the tenant catalog", e);
        }
    }

    public long count(TenantStatus status) {
        String sql = "SELECT count(*) FROM control.tenants WHERE (?::text IS NULL OR status = ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            String label = status == null ? null : status.label();
            statement.setString(1, label);
            statement.setString(2, label);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new CatalogException("Could not count the tenant catalog", e);
        }
    }

    /** Counts the tenants that occupy a place on the cluster: every catalog row. */
    public long countAll(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM control.tenants");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    public TenantRecord insertProvisioning(Connection connection, String id, String schemaName) throws SQLException {
        String sql = "INSERT INTO control.tenants (id, schema_name, status) VALUES (?, ?, 'provisioning')"
                + " RETURNING " + COLUMNS;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            statement.setString(2, schemaName);
            return first(statement).orElseThrow();
        }
    }

    /** Sets a tenant's status and error; returns the updated row, or empty when the tenant does not exist. */
    public Optional<TenantRecord> updateStatus(String id, TenantStatus status, String error) {
        String sql = "UPDATE control.tenants SET status = ?, last_error = ?, updated_at = now() WHERE id = ?"
                + " RETURNING " + COLUMNS;
        return update(sql, id, status.label(), error);
    }

    /** Records that a tenant's schema is on {@code version} and ready for traffic. */
    public Optional<TenantRecord> markActive(String id, String version) {
        String sql = "UPDATE control.tenants SET status = 'active', schema_version = ?, last_error = NULL,"
                + " updated_at = now() WHERE id = ? RETURNING " + COLUMNS;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, version);
            statement.setString(2, id);
            return first(statement);
        } catch (SQLException e) {
            throw new CatalogException("Could not activate tenant " + id, e);
        }
    }

    public boolean delete(String id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("DELETE FROM control.tenants WHERE id = ?")) {
            statement.setString(1, id);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new CatalogException("Could not remove tenant " + id + " from the catalog", e);
        }
    }

    private Optional<TenantRecord> update(String sql, String id, String status, String error) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, status);
            statement.setString(2, error);
            statement.setString(3, id);
            return first(statement);
        } catch (SQLException e) {
            throw new CatalogException("Could not update tenant " + id, e);
        }
    }

    private static Optional<TenantRecord> first(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(read(rows)) : Optional.empty();
        }
    }

    private static List<TenantRecord> all(PreparedStatement statement) throws SQLException {
        List<TenantRecord> records = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                records.add(read(rows));
            }
        }
        return records;
    }

    private static TenantRecord read(ResultSet row) throws SQLException {
        return new TenantRecord(
                row.getString("id"),
                row.getString("schema_name"),
                TenantStatus.fromLabel(row.getString("status")),
                row.getString("cluster"),
                row.getString("schema_version"),
                row.getObject("statement_timeout_ms", Integer.class),
                row.getString("last_error"),
                row.getObject("created_at", OffsetDateTime.class),
                row.getObject("updated_at", OffsetDateTime.class));
    }
}
