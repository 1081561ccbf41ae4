package dev.tenantbridge.local;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * In dev mode and tests only: supplies what an operator would otherwise configure. When
 * {@code quarkus.datasource.jdbc.url} is not set it starts the embedded PostgreSQL and points the datasource at
 * it; when no token verification key is set it makes a throw-away RSA key pair for signing and verifying tokens.
 * In any other profile it supplies nothing, so production never falls back to either.
 */
public class LocalConfigSourceFactory implements ConfigSourceFactory {

    static final String EMBEDDED_LIBRARY = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!isLocalProfile(context.getProfiles())) {
            return List.of();
        }
        Map<String, String> values = new HashMap<>();
        if (!isSet(context, "quarkus.datasource.jdbc.url") && embeddedLibraryPresent()) {
            values.putAll(EmbeddedDatabase.start());
        }
        if (!isSet(context, "mp.jwt.verify.publickey.location") && !isSet(context, "mp.jwt.verify.publickey")) {
            values.putAll(LocalSigningKeys.config());
        }
        return List.of(new PropertiesConfigSource(values, "tenant-bridge-local", 150));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(150);
    }

    private static boolean isLocalProfile(List<String> profiles) {
        return profiles.contains("dev") || profiles.contains("test");
    }

    private static boolean isSet(ConfigSourceContext context, String key) {
        ConfigValue value = context.getValue(key);
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static boolean embeddedLibraryPresent() {
        try {
            Class.forName(EMBEDDED_LIBRARY, false, LocalConfigSourceFactory.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
