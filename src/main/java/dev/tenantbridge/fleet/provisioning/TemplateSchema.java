package dev.tenantbridge.fleet.provisioning;

import dev.tenantbridge.common.Sql;
import dev.tenantbridge.control.OwnerRole;
import dev.tenantbridge.control.Roles;
import dev.tenantbridge.control.SchemaLock;
import dev.tenantbridge.control.TenantSchemaMigrator;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationInfo;

/**
 * A template schema that real Flyway migrates to the latest tenant version, once per version and cluster. From it
 * comes the {@link ReplayPlan}: the shape of Flyway's history table and the history rows Flyway wrote. The plan is
 * refused (empty) when a migration is not a plain SQL script of the tenant locations, uses placeholders other than
 * Flyway's own {@code flyway:defaultSchema}, or
 * differs from what the template recorded.
 */
@ApplicationScoped
class TemplateSchema {

    private static final String PREFIX = "bridge_template_v";
    private static final String HISTORY = "flyway_schema_history";
    private static final String FILESYSTEM = "filesystem:";

    private final AgroalDataSource pool;
    private final OwnerRole owner;
    private final TenantSchemaMigrator migrator;

    TemplateSchema(AgroalDataSource pool, OwnerRole owner, TenantSchemaMigrator migrator) {
        this.pool = pool;
        this.owner = owner;
        this.migrator = migrator;
    }

    /** The template's name for the latest version; it lies outside the {@code tenant_} names of tenants. */
    String name() {
        return PREFIX + migrator.latestVersion().replaceAll("[^0-9a-z]", "_");
    }

    /** Builds the template if needed and reads the plan from it. */
    Optional<ReplayPlan> plan() throws SQLException {
        String schema = name();
        try (Connection connection = pool.getConnection()) {
            SchemaLock.lock(connection, schema);
            try {
                // Tenant migrations grant to the role that shares their schema's name, as a tenant's does.
                Roles.ensure(connection, schema);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.quote(schema) + " AUTHORIZATION "
                            + Sql.quote(owner.name()));
                }
                long started = System.nanoTime();
                migrator.migrate(schema);
                Log.infof("Template schema %s ready in %d ms", schema, (System.nanoTime() - started) / 1_000_000);
                try (Connection asOwner = owner.connect(schema)) {
                    return read(asOwner, schema);
                }
            } finally {
                SchemaLock.unlock(connection, schema);
            }
        }
    }

    private Optional<ReplayPlan> read(Connection asOwner, String schema) throws SQLException {
        List<ReplayPlan.Step> steps = new ArrayList<>();
        Map<String, MigrationInfo> known = migrator.knownMigrations().stream()
                .collect(Collectors.toMap(m -> m.getVersion().getVersion(), Function.identity()));
        String sql = "SELECT installed_rank, version, description, type, script, checksum, installed_by, success"
                + " FROM " + Sql.quote(schema) + "." + HISTORY + " ORDER BY installed_rank";
        try (Statement statement = asOwner.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                Optional<ReplayPlan.Step> step = step(rows, known);
                if (step.isEmpty()) {
                    return Optional.empty();
                }
                steps.add(step.get());
            }
        }
        if (steps.size() != known.size()) {
            Log.warnf("Template schema %s does not hold every tenant migration; provisioning runs Flyway", schema);
            return Optional.empty();
        }
        return Optional.of(new ReplayPlan(historyTable(asOwner, schema), steps, migrator.latestVersion()));
    }

    private Optional<ReplayPlan.Step> step(ResultSet row, Map<String, MigrationInfo> known) throws SQLException {
        String version = row.getString("version");
        String script = row.getString("script");
        MigrationInfo resolved = version == null ? null : known.get(version);
        Integer checksum = row.getObject("checksum", Integer.class);
        boolean usable = row.getBoolean("success")
                && "SQL".equals(row.getString("type"))
                && resolved != null
                && resolved.getChecksum() != null
                && resolved.getChecksum().equals(checksum);
        Optional<String> text = usable ? scriptText(script) : Optional.empty();
        if (text.isEmpty()
                || text.get().replace(ReplayPlan.SCHEMA_PLACEHOLDER, "").contains("${")) {
            Log.warnf("Tenant migration %s cannot be replayed; provisioning runs Flyway", script);
            return Optional.empty();
        }
        return Optional.of(new ReplayPlan.Step(
                row.getInt("installed_rank"),
                version,
                row.getString("description"),
                row.getString("type"),
                script,
                checksum,
                row.getString("installed_by"),
                text.get()));
    }

    /**
     * The script's text from the first tenant location that holds it: a {@code classpath:} location (the default
     * when none is named) or a {@code filesystem:} folder, the two kinds Flyway reads SQL scripts from.
     */
    private Optional<String> scriptText(String script) {
        for (String location : migrator.locations()) {
            try (InputStream in = open(location, script)) {
                if (in != null) {
                    return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                Log.warnf("Could not read tenant migration %s from %s: %s", script, location, e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The script in one location, or null when that location does not hold it. */
    private static InputStream open(String location, String script) throws IOException {
        if (location.startsWith(FILESYSTEM)) {
            Path file = Path.of(location.substring(FILESYSTEM.length()), script);
            return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
        }
        String folder = location.replaceFirst("^classpath:", "").replaceAll("/+$", "");
        return Thread.currentThread().getContextClassLoader().getResourceAsStream(folder + "/" + script);
    }

    /** Statements recreating the template's history table: its columns, constraints and other indexes. */
    private static List<String> historyTable(Connection asOwner, String schema) throws SQLException {
        String table = Sql.quote(schema) + "." + HISTORY;
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE @@schema@@." + HISTORY + " (" + String.join(", ", columns(asOwner, table)) + ")");
        String constraints =
                "SELECT 'ALTER TABLE @@schema@@." + HISTORY + " ADD CONSTRAINT ' || quote_ident(conname) || ' '"
                        + " || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = ?::regclass"
                        + " ORDER BY conname";
        statements.addAll(texts(asOwner, constraints, table));
        String indexes = "SELECT pg_get_indexdef(indexrelid) FROM pg_index i WHERE indrelid = ?::regclass"
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) ORDER BY 1";
        for (String index : texts(asOwner, indexes, table)) {
            statements.add(index.replace(" ON " + schema + "." + HISTORY, " ON @@schema@@." + HISTORY));
        }
        return statements;
    }

    private static List<String> columns(Connection asOwner, String table) throws SQLException {
        String sql = "SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)"
                + " || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END"
                + " || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')"
                + " FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";
        return texts(asOwner, sql, table);
    }

    private static List<String> texts(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<String> texts = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    texts.add(rows.getString(1));
                }
            }
            return texts;
        }
    }
}
