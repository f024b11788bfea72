package io.cardshark.worlds.testing;

import io.cardshark.worlds.PostgresDatabase;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The PostgreSQL side of the suites that run on both engines: one real, throwaway server per test JVM
 * ({@link PostgresServer}, started when first needed, with {@code fsync} off: what it proves is the store's SQL,
 * not the disk) and a schema of its own per store. {@code CARDSHARK_TEST_PG_URL} (a
 * {@code postgresql://host:port/database} URL) with {@code CARDSHARK_TEST_PG_USER} and, for its password,
 * {@code PGPASSWORD}, uses a server that is already running instead.
 */
public final class TestPostgres {

    /** The system property that runs the suites which read it on PostgreSQL ({@code postgresql}). */
    public static final String ENGINE_PROPERTY = "cardshark.test.engine";

    private static final Map<Path, PostgresDatabase> STORES = new HashMap<>();
    private static PostgresServer server;

    private TestPostgres() {
    }

    /** Whether this test JVM runs its engine-neutral suites on PostgreSQL. */
    public static boolean selected() {
        return "postgresql".equals(System.getProperty(ENGINE_PROPERTY));
    }

    /**
     * The store of a test's data folder on the suite's server: a schema of its own, empty when first asked for,
     * the same one each time after (so that a test can close and reopen its store). Its URL names the schema.
     */
    public static synchronized PostgresDatabase storeFor(Path dataDir) {
        return STORES.computeIfAbsent(dataDir.toAbsolutePath().normalize(), d -> {
            String schema = "store_" + ProcessHandle.current().pid() + "_" + (STORES.size() + 1);
            String url = System.getenv("CARDSHARK_TEST_PG_URL");
            if (url == null) {
                return server().newStore(schema);
            }
            PostgresDatabase running = PostgresDatabase.of(url, System.getenv().getOrDefault("CARDSHARK_TEST_PG_USER",
                    "postgres"));
            try (var c = java.sql.DriverManager.getConnection(running.jdbcUrl(), running.user(),
                    System.getenv("PGPASSWORD")); var st = c.createStatement()) {
                st.execute("CREATE SCHEMA " + schema);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("the running test server refused a schema: " + e.getMessage(), e);
            }
            return PostgresDatabase.of(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, running.user());
        });
    }

    private static PostgresServer server() {
        if (server == null) {
            server = PostgresServer.start(false);
        }
        return server;
    }
}
