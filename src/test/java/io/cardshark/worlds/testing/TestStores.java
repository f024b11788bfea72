package io.cardshark.worlds.testing;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.WorldStoreBuilder;

import java.nio.file.Path;

/**
 * The configuration of a test's store: a real H2 file in {@code dataDir}, or, when the suite runs on PostgreSQL
 * ({@link TestPostgres#selected()}), a schema of the suite's real server that belongs to {@code dataDir} (the same
 * one each time), with {@code dataDir} holding its backups and snapshots. The suites that use it run on both.
 */
public final class TestStores {

    /** The schema version a store opened by this build has: the newest migration's (db/migration). */
    public static final String LATEST_SCHEMA = "11";

    private TestStores() {
    }

    /** {@code WorldStore.configure().dataDir(dataDir)}, on the suite's engine. */
    public static WorldStoreBuilder configure(Path dataDir) {
        WorldStoreBuilder builder = WorldStore.configure().dataDir(dataDir);
        return TestPostgres.selected() ? builder.postgres(TestPostgres.storeFor(dataDir)) : builder;
    }

    /**
     * The command line's options naming the same store as {@link #configure}: {@code --store dataDir}, and on
     * PostgreSQL its database ({@code --db}, {@code --db-user}, {@code --db-password-file}) too.
     */
    public static java.util.List<String> cliOptions(Path dataDir) {
        java.util.List<String> options = new java.util.ArrayList<>(java.util.List.of("--store", dataDir.toString()));
        if (TestPostgres.selected()) {
            var db = TestPostgres.storeFor(dataDir);
            options.addAll(java.util.List.of("--db", db.url(), "--db-user", db.user()));
            if (db.passwordFile() != null) {
                options.addAll(java.util.List.of("--db-password-file", db.passwordFile().toString()));
            }
        }
        return options;
    }

    /** An SQL literal of the bytes {@code hex} spells, for damaging a store behind its back on the suite's engine. */
    public static String binaryLiteral(String hex) {
        return TestPostgres.selected() ? "decode('" + hex + "', 'hex')" : "X'" + hex + "'";
    }
}
