package io.cardshark.worlds.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.cardshark.worlds.Durability;
import io.cardshark.worlds.StoreConfig;
import io.cardshark.worlds.StoreUnavailableException;
import io.cardshark.worlds.WorldStoreException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import static io.cardshark.worlds.internal.db.Tables.STORE_SETTING;

/**
 * Owns the database of one open store: the connection pool, migrations on open, transactions, the
 * durability level and the failure latch. Thread-safe.
 */
public final class StoreEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreEngine.class);

    /** The user of read-only inspection sessions: H2 lets it SELECT and nothing else. */
    private static final String INSPECTOR_USER = "INSPECTOR";

    static {
        // jOOQ prints a banner and a tip on first use; a library must not write to its host's logs unasked.
        System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
        System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
    }

    private final StoreConfig config;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final GroupSync groupSync;
    private final String schemaVersion;
    /** New on every open: nobody outside this process ever needs it. */
    private final String inspectorPassword = RandomIds.hex(32);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile WorldStoreException writeFailure;

    private StoreEngine(StoreConfig config, HikariDataSource dataSource, String schemaVersion) {
        this.config = config;
        this.dataSource = dataSource;
        this.schemaVersion = schemaVersion;
        DefaultConfiguration jooq = new DefaultConfiguration();
        jooq.set(SQLDialect.H2);
        jooq.set(new DataSourceConnectionProvider(dataSource));
        this.dsl = DSL.using(jooq);
        // H2 has written every commit to the file already (WRITE_DELAY=0); CHECKPOINT SYNC forces the file to
        // the disk, once for every group of commits that finished together. Plain JDBC: it runs once per commit.
        this.groupSync = new GroupSync(() -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            } catch (SQLException e) {
                throw new org.jooq.exception.DataAccessException("CHECKPOINT SYNC failed: " + e.getMessage(), e);
            }
        });
    }

    /** Opens (creating or migrating) the store that {@code config} names. */
    public static StoreEngine open(StoreConfig config) {
        String url = H2Urls.writerUrl(config);
        HikariDataSource ds = null;
        try {
            Files.createDirectories(config.dataDir());
            String password = AdminCredentials.load(config.dataDir(), url);
            ds = openPool(config, url, password);
            Migration migration = migrate(config, ds);
            String schemaVersion = migration.version();
            if (migration.executed()) {
                // H2 2.4.240 ties a CHECK (c IN (...)) constraint to the session that created it (h2database
                // issues 4302, 4308; fixed after that release): once the pool retires that connection while the
                // database stays open, every insert into the table fails with "Check constraint invalid".
                // Reopening lets H2 read every constraint with its own system session, which lives as long as
                // the database.
                ds.close();
                ds = null;
                ds = openPool(config, url, password);
            }
            StoreEngine engine = new StoreEngine(config, ds, schemaVersion);
            engine.recordVersions();
            log.info("opened store at {} (schema {}, H2 {}, {})", config.dataDir(), schemaVersion,
                    org.h2.engine.Constants.FULL_VERSION, config.durability());
            return engine;
        } catch (IOException | RuntimeException e) {
            if (ds != null) {
                ds.close();
            }
            throw Failures.onOpen(config.dataDir(), e);
        }
    }

    private static HikariDataSource openPool(StoreConfig config, String url, String password) throws IOException {
        try {
            return new HikariDataSource(hikari(config, url, password));
        } catch (RuntimeException e) {
            SQLException sql = Failures.sqlCause(e);
            if (sql == null || sql.getErrorCode() != org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw e;
            }
            if (!AdminCredentials.replaceEmptyPassword(url, password, config.dataDir())) {
                throw AdminCredentials.refused(config.dataDir());
            }
            return new HikariDataSource(hikari(config, url, password));
        }
    }

    private static HikariConfig hikari(StoreConfig config, String url, String password) {
        HikariConfig h = new HikariConfig();
        h.setPoolName("cardshark-worlds");
        h.setJdbcUrl(url);
        h.setUsername(AdminCredentials.USER);
        h.setPassword(password);
        h.setMaximumPoolSize(config.maxPoolSize());
        // One idle connection keeps the embedded database open between calls.
        h.setMinimumIdle(1);
        h.setInitializationFailTimeout(1);
        h.setAutoCommit(true);
        return h;
    }

    /** The schema version after migrating, and whether any migration ran. */
    private record Migration(String version, boolean executed) {
    }

    /**
     * Brings the schema up to this code's version. A store written by newer code is refused: Flyway would
     * otherwise ignore the unknown migrations and this code would write into a schema it does not know.
     */
    private static Migration migrate(StoreConfig config, HikariDataSource ds) {
        Flyway flyway = Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
        for (MigrationInfo info : flyway.info().all()) {
            if (info.getState() == MigrationState.FUTURE_SUCCESS || info.getState() == MigrationState.FUTURE_FAILED) {
                throw new StoreUnavailableException(null, "store at " + config.dataDir() + " has schema version "
                        + info.getVersion() + ", newer than this cardshark-worlds supports ("
                        + latestKnown(flyway) + "); open it with a newer version");
            }
        }
        if (flyway.info().current() != null && flyway.info().pending().length > 0) {
            // A migration rewrites every world at once: the undo for it is a backup of the whole store.
            try (Connection c = ds.getConnection()) {
                io.cardshark.worlds.internal.backup.BackupService.write(c, config, "pre-migration");
            } catch (SQLException | IOException e) {
                throw new StoreUnavailableException(null, "store at " + config.dataDir()
                        + " needs a schema migration, but the backup taken before it failed: " + e.getMessage(), e);
            }
        }
        var result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            log.info("migrated store at {} from schema {} to {}", config.dataDir(),
                    result.initialSchemaVersion, result.targetSchemaVersion);
        }
        MigrationInfo current = flyway.info().current();
        return new Migration(current == null ? "none" : current.getVersion().getVersion(), result.migrationsExecuted > 0);
    }

    private static String latestKnown(Flyway flyway) {
        String latest = "none";
        for (MigrationInfo info : flyway.info().all()) {
            if (info.getState() != MigrationState.FUTURE_SUCCESS && info.getState() != MigrationState.FUTURE_FAILED
                    && info.getVersion() != null) {
                latest = info.getVersion().getVersion();
            }
        }
        return latest;
    }

    private void recordVersions() {
        dsl.transaction(c -> {
            DSLContext tx = c.dsl();
            putSetting(tx, "h2.version", org.h2.engine.Constants.FULL_VERSION);
            putSetting(tx, "schema.version", schemaVersion);
            // Hex digits we generated: nothing in the password can end the literal.
            tx.execute("CREATE USER IF NOT EXISTS " + INSPECTOR_USER + " PASSWORD '" + inspectorPassword + "'");
            tx.execute("ALTER USER " + INSPECTOR_USER + " SET PASSWORD '" + inspectorPassword + "'");
            tx.execute("GRANT SELECT ON SCHEMA PUBLIC TO " + INSPECTOR_USER);
        });
    }

    static void putSetting(DSLContext tx, String name, String value) {
        tx.mergeInto(STORE_SETTING)
                .using(DSL.selectOne())
                .on(STORE_SETTING.NAME.eq(name))
                .whenMatchedThenUpdate().set(STORE_SETTING.SETTING, value)
                .whenNotMatchedThenInsert(STORE_SETTING.NAME, STORE_SETTING.SETTING).values(name, value)
                .execute();
    }

    public StoreConfig config() {
        return config;
    }

    public String schemaVersion() {
        return schemaVersion;
    }

    /** How many disk syncs the power-loss level has made. */
    public long syncCount() {
        return groupSync.syncCount();
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. Failures
     * come out as the store's own exceptions. At {@link Durability#POWER_LOSS} a transaction that wrote
     * returns only after its commit is on disk.
     */
    public <T> T transaction(String worldId, Function<Tx, T> work) {
        ensureOpen();
        Tx[] holder = new Tx[1];
        T result;
        try {
            result = dsl.transactionResult(c -> {
                Tx tx = new Tx(c.dsl());
                holder[0] = tx;
                try {
                    return work.apply(tx);
                } finally {
                    tx.end();
                }
            });
        } catch (RuntimeException e) {
            RuntimeException translated = Failures.translate(worldId, e);
            if (translated instanceof WorldStoreException w) {
                latchIfStorageFailed(w);
            }
            throw translated;
        }
        if (holder[0] != null && holder[0].wrote() && config.durability() == Durability.POWER_LOSS) {
            try {
                groupSync.awaitDurable();
            } catch (RuntimeException e) {
                WorldStoreException failure = new StoreUnavailableException(worldId,
                        (worldId == null ? "" : "world " + worldId + ": ") + "disk sync after commit failed"
                                + Failures.osReason(e) + "; the store refuses writes until reopened", e);
                writeFailure = failure;
                throw failure;
            }
        }
        return result;
    }

    /**
     * After a failed write or sync the store's file may not hold what H2 believes it holds, so, as
     * PostgreSQL does after a failed fsync, the store refuses further writes until it is reopened.
     */
    private void latchIfStorageFailed(WorldStoreException e) {
        SQLException sql = Failures.sqlCause(e);
        if (sql != null && (sql.getErrorCode() == org.h2.api.ErrorCode.IO_EXCEPTION_1
                || sql.getErrorCode() == org.h2.api.ErrorCode.IO_EXCEPTION_2
                || sql.getErrorCode() == org.h2.api.ErrorCode.FILE_CORRUPTED_1
                || sql.getErrorCode() == org.h2.api.ErrorCode.GENERAL_ERROR_1)) {
            writeFailure = new StoreUnavailableException(e.worldId(),
                    "a write to the store failed" + Failures.osReason(e) + " ("
                            + Failures.withoutStatement(Failures.firstLine(sql.getMessage()))
                            + "); the store refuses writes until reopened", e);
            log.error("store at {} refuses writes after a storage failure", config.dataDir(), e);
        }
    }

    /** Fails when the store is closed or has refused writes since a storage failure. */
    void ensureWritable() {
        ensureOpen();
        WorldStoreException failure = writeFailure;
        if (failure != null) {
            throw new StoreUnavailableException(null, failure.getMessage(), failure);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new StoreUnavailableException(null, "store at " + config.dataDir() + " is closed");
        }
    }

    /** An {@link Access} that gives each call a transaction of its own. */
    public Access ownTransactions() {
        return new Access() {
            @Override
            public <T> T read(String worldId, Function<DSLContext, T> work) {
                return transaction(worldId, tx -> work.apply(tx.dsl()));
            }

            @Override
            public <T> T write(String worldId, Function<DSLContext, T> work) {
                ensureWritable();
                return transaction(worldId, tx -> {
                    tx.markWrite();
                    return work.apply(tx.dsl());
                });
            }
        };
    }

    /** Work on one JDBC connection of the store's own, outside any transaction. */
    public interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    /**
     * Runs {@code work} on a connection of the store's admin user, for H2's own tools ({@code BACKUP TO},
     * {@code SCRIPT}) that run outside the store's transactions.
     */
    public <T> T withConnection(ConnectionWork<T> work) throws IOException {
        ensureOpen();
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw Failures.during(null, new org.jooq.exception.DataAccessException(e.getMessage(), e));
        }
    }

    /** A JDBC connection for a person inspecting the store: read-only unless {@code writable}. */
    public Connection inspectionConnection(boolean writable) throws SQLException {
        ensureOpen();
        if (writable) {
            ensureWritable();
            return dataSource.getConnection();
        }
        // Same embedded database, opened by this process already: H2 joins it rather than opening the file again.
        return DriverManager.getConnection(H2Urls.inspectorUrl(config), INSPECTOR_USER, inspectorPassword);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            dataSource.close();
            log.info("closed store at {}", config.dataDir());
        }
    }

    /** One transaction in progress: its jOOQ context, whether it wrote, whether it is still open. */
    public final class Tx implements Access {
        private final DSLContext dsl;
        private final Thread owner = Thread.currentThread();
        private boolean wrote;
        private boolean ended;

        Tx(DSLContext dsl) {
            this.dsl = dsl;
        }

        public DSLContext dsl() {
            return dsl;
        }

        void markWrite() {
            wrote = true;
        }

        boolean wrote() {
            return wrote;
        }

        void end() {
            ended = true;
        }

        private void ensureUsable() {
            if (ended) {
                throw new IllegalStateException("the transaction has ended; use the store, or a new transaction");
            }
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("a transaction belongs to the thread that started it");
            }
        }

        @Override
        public <T> T read(String worldId, Function<DSLContext, T> work) {
            ensureUsable();
            try {
                return work.apply(dsl);
            } catch (RuntimeException e) {
                throw Failures.translate(worldId, e);
            }
        }

        @Override
        public <T> T write(String worldId, Function<DSLContext, T> work) {
            ensureUsable();
            ensureWritable();
            wrote = true;
            try {
                return work.apply(dsl);
            } catch (RuntimeException e) {
                throw Failures.translate(worldId, e);
            }
        }
    }
}
