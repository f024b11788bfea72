package io.cardshark.worlds.internal.engine;

import io.cardshark.worlds.StoreUnavailableException;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.store.fs.FileUtils;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalogue of a fresh store at a given schema version, made by running the store's own migrations on a
 * throwaway database with the H2 that runs now: what {@link SchemaGuard} compares a store with. The database
 * lives on H2's in-memory file system, so making it needs no disk (a store must open on a full one) and
 * its catalogue is written exactly as a file's is. Made once per version and JVM (a tenth of a second).
 */
final class Reference {

    private static final Map<String, List<String>> BY_VERSION = new ConcurrentHashMap<>();

    private Reference() {
    }

    /** The normalized statements of a fresh store at {@code version} ({@code "none"}: before any migration). */
    static List<String> of(String version) {
        return BY_VERSION.computeIfAbsent(version, Reference::build);
    }

    private static List<String> build(String version) {
        String dir = "/cardshark-worlds-reference-" + RandomIds.hex(16);
        String database = dir + "/" + StoreFiles.DATABASE_NAME;
        try {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(H2Urls.inMemoryAdmin(database, Duration.ofSeconds(10)));
            ds.setUser(Credentials.ADMIN);
            ds.setPassword(RandomIds.hex(32));
            try (Connection keepOpen = ds.getConnection()) {
                if (!version.equals("none")) {
                    Migrations.flyway(ds, Engine.H2, version).migrate();
                }
                Roles.ensure(keepOpen, Credentials.fresh(), true);
            }
            return Catalogue.read("memFS:" + database + ".mv.db").stream().map(e -> SchemaGuard.normalize(e.sql())).toList();
        } catch (java.sql.SQLException | RuntimeException e) {
            throw new StoreUnavailableException(null, "the reference schema " + version + " could not be built: "
                    + Failures.firstLine(String.valueOf(e.getMessage())), e);
        } finally {
            FileUtils.deleteRecursive("memFS:" + dir, false);
        }
    }
}
