package dev.tenantbridge.local;

import java.util.Map;

/** The test JVM's embedded PostgreSQL, for test resources that prepare data before an application starts. */
public final class TestDatabase {

    private TestDatabase() {}

    /** Starts the server unless it runs already; returns the datasource URL, username and password settings. */
    public static Map<String, String> settings() {
        return EmbeddedDatabase.start();
    }
}
