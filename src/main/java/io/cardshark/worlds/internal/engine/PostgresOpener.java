package io.cardshark.worlds.internal.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.cardshark.worlds.Durability;
import io.cardshark.worlds.PostgresDatabase;
import io.cardshark.worlds.StoreConfig;
import io.cardshark.worlds.StoreUnavailableException;
import io.cardshark.worlds.WorldStoreException;
import io.cardshark.worlds.internal.rows.SettingRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Opens a store in a PostgreSQL database. What the H2 opener does with files, locks and database users is the
 * server's business here: several processes open one store at once (Flyway's advisory lock lets one of them
 * migrate), and the writers of a world wait for each other on its row lock, across processes.
 *
 * <p>The durability levels become {@code synchronous_commit} per session: {@link Durability#POWER_LOSS} is
 * {@code on} (a commit returns once its WAL is flushed on the server), {@link Durability#PROCESS_CRASH} is
 * {@code off} (the server writes the WAL within three times {@code wal_writer_delay}: the app's crash loses
 * nothing, the server's crash may lose that last moment).
 */
public final class PostgresOpener {

    private static final Logger log = LoggerFactory.getLogger(PostgresOpener.class);
    /** How long the leader of a shared commit waits for a held row before sending its call to run alone. */
    private static final Duration NO_WAIT = Duration.ofMillis(1);

    private PostgresOpener() {
    }

    /** Opens (creating or migrating as configured) the store in {@code config}'s PostgreSQL database. */
    public static StoreEngine open(StoreConfig config) {
        PostgresDatabase db = config.postgres();
        String password = PostgresPasswords.resolve(db);
        HikariDataSource admin;
        try {
            admin = pool(config, password, "cardshark-worlds-admin", 2, config.lockTimeout(), false);
        } catch (RuntimeException e) {
            throw Failures.onOpen(db, e);
        }
        try {
            String version = schema(config, admin);
            if (!config.readOnly()) {
                recordVersions(admin, version);
            }
            HikariDataSource members = pool(config, password, "cardshark-worlds", config.maxPoolSize(),
                    config.lockTimeout(), config.readOnly());
            HikariDataSource readers = readers(config, password);
            HikariDataSource noWait = pool(config, password, "cardshark-worlds-shared", 1, NO_WAIT, false);
            Connections.PersonConnector persons = writable -> person(config, password, writable);
            StoreEngine engine = new StoreEngine(config, Connections.postgres(members, readers, noWait, admin, persons),
                    version);
            log.info("opened store at {} (schema {}, {}{})", db, version, config.durability(),
                    config.readOnly() ? ", read-only" : "");
            return engine;
        } catch (RuntimeException e) {
            admin.close();
            throw e instanceof WorldStoreException w ? w : Failures.onOpen(db, e);
        }
    }

    /** Migrates the schema (a read-only open only checks it) and returns its version. */
    private static String schema(StoreConfig config, HikariDataSource admin) {
        boolean exists = Migrations.hasTable(admin, Migrations.TABLE);
        if (!exists && !config.createIfMissing()) {
            throw new StoreUnavailableException(null, "no store in " + config.location() + "; a command that writes "
                    + "(such as create or import) makes one");
        }
        if (config.readOnly()) {
            String version = Migrations.current(admin, Engine.POSTGRES, config.location());
            if (!version.equals(Migrations.LATEST)) {
                throw new StoreUnavailableException(null, "store at " + config.location() + " has schema " + version
                        + " and needs migrating to " + Migrations.LATEST + ", which a read-only open does not do");
            }
            return version;
        }
        // PostgreSQL runs each migration in a transaction of its own, DDL included: a migration that fails leaves
        // the schema as it was, which is what the H2 store's backup before migrating is for.
        return Migrations.migrate(admin, Engine.POSTGRES, config.location(), (c, reason) -> {
        }).version();
    }

    private static void recordVersions(HikariDataSource admin, String schemaVersion) {
        try (Connection c = admin.getConnection()) {
            var dsl = Engine.POSTGRES.dsl(c);
            SettingRows.putIfChanged(dsl, "schema.version", schemaVersion);
            SettingRows.putIfChanged(dsl, "postgresql.version", c.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            throw Failures.during(null, new org.jooq.exception.DataAccessException(e.getMessage(), e));
        }
    }

    private static HikariDataSource pool(StoreConfig config, String password, String name, int size,
                                         Duration lockTimeout, boolean readOnly) {
        return new HikariDataSource(config(config, password, name, size, lockTimeout, readOnly));
    }

    /** The readers' pool: read-only connections, each in a REPEATABLE READ transaction ({@code Connections.reader}). */
    private static HikariDataSource readers(StoreConfig config, String password) {
        HikariConfig h = config(config, password, "cardshark-worlds-readers", config.maxPoolSize(), config.lockTimeout(),
                true);
        h.setMinimumIdle(0);
        Engine.POSTGRES.readInSnapshots(h);
        return new HikariDataSource(h);
    }

    private static HikariConfig config(StoreConfig config, String password, String name, int size,
                                       Duration lockTimeout, boolean readOnly) {
        HikariConfig h = new HikariConfig();
        h.setPoolName(name);
        h.setJdbcUrl(config.postgres().jdbcUrl());
        h.setUsername(config.postgres().user());
        if (password != null) {
            h.setPassword(password);
        }
        h.setMaximumPoolSize(size);
        h.setMinimumIdle(Math.min(1, size));
        h.setInitializationFailTimeout(1);
        h.setAutoCommit(true);
        h.setReadOnly(readOnly);
        h.setDataSourceProperties(session(config, lockTimeout));
        // pgjdbc makes a connection read-only only inside explicit transactions unless told "always".
        h.addDataSourceProperty("readOnlyMode", "always");
        return h;
    }

    /**
     * A connection of its own for a person inspecting the store, with the settings of the store's own. A
     * read-only one is in read-only transactions whether it commits itself or not ({@code readOnlyMode=always});
     * unlike H2's inspector user this guards against mistakes, not against its user, who could change the
     * setting back (and who holds the store's password anyway): give read-only people a role that may only
     * {@code SELECT}.
     */
    private static Connection person(StoreConfig config, String password, boolean writable) throws SQLException {
        Properties p = session(config, config.lockTimeout());
        p.setProperty("readOnlyMode", "always");
        p.setProperty("user", config.postgres().user());
        if (password != null) {
            p.setProperty("password", password);
        }
        Connection c = DriverManager.getConnection(config.postgres().jdbcUrl(), p);
        c.setReadOnly(!writable);
        return c;
    }

    /**
     * The session settings of every connection, sent at its start ({@code options}): the lock timeout, the
     * commit's durability, and the application's name for {@code pg_stat_activity}. The driver sends a batch of
     * inserts (an import's messages, a copy's rows) as multi-row inserts ({@code reWriteBatchedInserts}), a round
     * trip per batch instead of per row; nothing here reads a batch's row counts, which it does not report.
     */
    private static Properties session(StoreConfig config, Duration lockTimeout) {
        Properties p = new Properties();
        p.setProperty("reWriteBatchedInserts", "true");
        String synchronous = config.durability() == Durability.POWER_LOSS ? "on" : "off";
        p.setProperty("options", "-c lock_timeout=" + Math.max(1, lockTimeout.toMillis())
                + " -c synchronous_commit=" + synchronous);
        p.setProperty("ApplicationName", "cardshark-worlds: " + config.applicationName());
        return p;
    }
}
