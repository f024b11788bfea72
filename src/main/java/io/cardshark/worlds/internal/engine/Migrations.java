package io.cardshark.worlds.internal.engine;

import io.cardshark.worlds.StoreUnavailableException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The store's schema migrations: Flyway over the scripts of the top-level {@code db/migration}, packaged
 * under a classpath location and with a history table of the store's own, so that an application's own
 * Flyway migrations (at Flyway's default {@code classpath:db/migration}, in its default
 * {@code flyway_schema_history}) and the store's never meet.
 */
final class Migrations {

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private static final String LOCATION = "classpath:io/cardshark/worlds/db/migration/";
    static final String TABLE = "cardshark_worlds_schema_history";
    /** Where stores made by releases before 0.2 kept their history: Flyway's default name. */
    static final String LEGACY_TABLE = "flyway_schema_history";
    /** The newest schema this code knows: the version of the last script ({@code MigrationsTest} checks it). */
    static final String LATEST = "11";

    /** What must happen before a migration changes anything: a backup of the whole store. */
    interface BeforeMigrating {
        void run(Connection admin, String reason) throws Exception;
    }

    /** The schema version after migrating, and whether any change was made. */
    record Result(String version, boolean changed) {
    }

    private Migrations() {
    }

    /**
     * The scripts of {@code engine}: those of {@code db/migration/common}, the same on every engine, and its own
     * forms of the rest ({@code db/migration/h2}, {@code db/migration/postgresql}), as Flyway's vendor folders.
     */
    static String[] locations(Engine engine) {
        return new String[]{LOCATION + "common", LOCATION + (engine == Engine.H2 ? "h2" : "postgresql")};
    }

    static Flyway flyway(DataSource admin, Engine engine, String target) {
        var configuration = Flyway.configure()
                .dataSource(admin)
                .locations(locations(engine))
                .table(TABLE)
                .failOnMissingLocations(true)
                // A script's SELECT (PostgreSQL's V10 is "SELECT 1", a step H2 alone needed) would print its result
                // as a table into the application's log.
                .outputQueryResults(false);
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    /**
     * Brings the schema up to {@link #LATEST}, after a backup when anything is to change. A store written by
     * newer code is refused: Flyway would otherwise ignore the unknown migrations and this code would write
     * into a schema it does not know.
     */
    static Result migrate(DataSource admin, Engine engine, String dataDir, BeforeMigrating beforeMigrating) {
        // One info() and, only when something is pending, one migrate(): each Flyway command logs a few
        // lines at INFO into the host application's log, so a plain reopen makes one.
        Flyway flyway = flyway(admin, engine, null);
        MigrationInfoService info = flyway.info();
        refuseNewer(info, dataDir);
        boolean legacy = hasTable(admin, LEGACY_TABLE) && !hasTable(admin, TABLE);
        boolean failed = java.util.Arrays.stream(info.all()).anyMatch(m -> m.getState().isFailed());
        if (!legacy && !failed && info.pending().length == 0) {
            return new Result(versionOf(info.current()), false);
        }
        if (legacy || info.current() != null) {
            // A migration rewrites every world at once: the undo for it is a backup of the whole store.
            try (Connection c = admin.getConnection()) {
                beforeMigrating.run(c, "pre-migration");
            } catch (Exception e) {
                throw new StoreUnavailableException(null, "store at " + dataDir + " needs a schema migration, but the "
                        + "backup taken before it failed: " + Failures.firstLine(String.valueOf(e.getMessage())), e);
            }
        }
        if (legacy) {
            adoptLegacyHistory(admin);
            log.info("store at {}: schema history moved from {} to {}", dataDir, LEGACY_TABLE, TABLE);
            flyway = flyway(admin, engine, null);
        }
        var result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            log.info("migrated store at {} from schema {} to {}", dataDir, result.initialSchemaVersion,
                    result.targetSchemaVersion);
        }
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : result.initialSchemaVersion != null ? result.initialSchemaVersion : "none";
        return new Result(version, true);
    }

    private static String versionOf(MigrationInfo current) {
        return current == null ? "none" : current.getVersion().getVersion();
    }

    /** The store's schema version without changing anything; refuses a newer schema like {@link #migrate}. */
    static String current(DataSource admin, Engine engine, String dataDir) {
        String table = hasTable(admin, TABLE) ? TABLE : LEGACY_TABLE;
        MigrationInfoService info = Flyway.configure().dataSource(admin).locations(locations(engine)).table(table)
                .load().info();
        refuseNewer(info, dataDir);
        return versionOf(info.current());
    }

    /** Refuses a store whose recorded schema {@code version} is newer than {@link #LATEST}, naming {@code where}. */
    static void refuseNewer(String version, Object where) {
        if (!version.equals("none")
                && MigrationVersion.fromVersion(version).compareTo(MigrationVersion.fromVersion(LATEST)) > 0) {
            throw newer(where, version);
        }
    }

    private static StoreUnavailableException newer(Object where, Object version) {
        return new StoreUnavailableException(null, "store at " + where + " has schema version " + version
                + ", newer than this cardshark-worlds supports (" + LATEST + "); open it with a newer version");
    }

    private static void refuseNewer(MigrationInfoService history, String dataDir) {
        for (MigrationInfo info : history.all()) {
            if (info.getState() == MigrationState.FUTURE_SUCCESS || info.getState() == MigrationState.FUTURE_FAILED) {
                throw newer(dataDir, info.getVersion());
            }
        }
    }

    /** The history of a store from before 0.2 becomes the store's own table, names and all. */
    private static void adoptLegacyHistory(DataSource admin) {
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("ALTER TABLE \"" + LEGACY_TABLE + "\" RENAME TO \"" + TABLE + "\"");
            st.execute("ALTER TABLE \"" + TABLE + "\" RENAME CONSTRAINT \"" + LEGACY_TABLE + "_pk\" TO \"" + TABLE + "_pk\"");
            st.execute("ALTER INDEX \"" + LEGACY_TABLE + "_s_idx\" RENAME TO \"" + TABLE + "_s_idx\"");
            c.commit();
        } catch (SQLException e) {
            throw new StoreUnavailableException(null, "the store's schema history could not be moved to " + TABLE
                    + ": " + Failures.firstLine(e.getMessage()), e);
        }
    }

    static boolean hasTable(DataSource ds, String name) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = "
                     + "CURRENT_SCHEMA AND TABLE_NAME = '" + name + "'")) {
            rs.next();
            return rs.getInt(1) > 0;
        } catch (SQLException e) {
            throw new StoreUnavailableException(null, "the store's tables could not be listed: "
                    + Failures.firstLine(e.getMessage()), e);
        }
    }
}
