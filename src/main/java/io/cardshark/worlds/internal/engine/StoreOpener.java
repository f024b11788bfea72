package io.cardshark.worlds.internal.engine;

import org.jooq.impl.DSL;
import org.jooq.SQLDialect;
import org.jooq.DSLContext;
import io.cardshark.worlds.internal.rows.ImportRows;
import io.cardshark.worlds.internal.rows.SettingRows;
import com.zaxxer.hikari.HikariDataSource;
import io.cardshark.worlds.StoreConfig;
import io.cardshark.worlds.StoreLockedException;
import io.cardshark.worlds.StoreUnavailableException;
import io.cardshark.worlds.WorldStoreException;
import io.cardshark.worlds.internal.fs.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.cardshark.worlds.internal.db.Tables.STORE_SETTING;

/**
 * Opens a store, in this order, each step before anything that depends on it:
 * <ol>
 * <li>the store lock ({@link StoreLock}): only then is the store created or changed, so two processes that
 *     open a new store at once never make it half; a store another process holds is reached through its
 *     inspection server when the configuration allows, else refused without touching its files;</li>
 * <li>a new store gets its credentials file and an empty database file, both owner-only from birth; an
 *     existing file's catalogue is checked before H2 opens it ({@link SchemaGuard});</li>
 * <li>the admin connections open the database; Flyway migrates it after a backup ({@link Migrations});</li>
 * <li>the writer and inspector users are made sure of ({@link Roles}); the versions are recorded;</li>
 * <li>the writer's pool opens, and live inspection starts when configured.</li>
 * </ol>
 */
public final class StoreOpener {

    private static final Logger log = LoggerFactory.getLogger(StoreOpener.class);

    static {
        // Before any H2 class loads, when this library is the first to use H2 in the JVM.
        InspectionServer.prepareBindAddress();
        // jOOQ prints a banner and a tip when its renderer first loads, which the schema checks do before the
        // engine exists; a library must not write those into its host's log. An application's own setting wins.
        setIfAbsent("org.jooq.no-logo", "true");
        setIfAbsent("org.jooq.no-tips", "true");
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    /** How often a process that attaches looks again at a holder that is still opening the store. */
    private static final Duration HOLDER_POLL = Duration.ofMillis(25);

    private StoreOpener() {
    }

    /**
     * Opens (creating or migrating as configured) the store that {@code config} names. When another process
     * holds it and {@code config} attaches, this waits up to the lock timeout for that process to finish
     * opening and say whether it serves, or to let the store go, in which case this process opens it.
     */
    public static StoreEngine open(StoreConfig config, StoreBackups backups) {
        if (config.onPostgres()) {
            return PostgresOpener.open(config);
        }
        Path dataDir = config.dataDir();
        try {
            if (!Files.isDirectory(dataDir)) {
                if (!config.createIfMissing()) {
                    throw missing(dataDir);
                }
                OwnerOnly.createDirectories(dataDir);
            }
            long deadline = System.nanoTime() + config.lockTimeout().toNanos();
            while (true) {
                StoreLock lock = StoreLock.tryAcquire(dataDir);
                if (lock != null) {
                    return openLocked(config, backups, lock);
                }
                Optional<InspectionAddress> address = InspectionAddress.read(dataDir)
                        .filter(InspectionAddress::holderAlive);
                boolean settled = address.filter(a -> !a.opening()).isPresent();
                boolean late = System.nanoTime() - deadline >= 0;
                if (!config.attachIfHeld() || settled || late) {
                    StoreEngine attached = attachOrRefuse(config, address, late);
                    if (attached != null) {
                        return attached;
                    }
                    continue;
                }
                Thread.sleep(HOLDER_POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreLockedException(null, "store at " + dataDir + " is in use by another process; interrupted "
                    + "while waiting for it to finish opening");
        } catch (IOException | RuntimeException e) {
            throw Failures.onOpen(dataDir, e);
        }
    }

    /** Opens the store whose lock this process has just taken; the lock goes again if the open fails. */
    private static StoreEngine openLocked(StoreConfig config, StoreBackups backups, StoreLock lock)
            throws IOException {
        try {
            // Before anything slow (a migration, a check of the files): a process that comes to attach meanwhile
            // waits for this one instead of refusing because nothing says whether it serves.
            InspectionAddress.opening(config.applicationName()).write(config.dataDir());
            return openHeld(config, backups, lock);
        } catch (RuntimeException | IOException e) {
            try {
                InspectionAddress.remove(config.dataDir());
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            lock.close();
            throw e;
        }
    }

    private static StoreEngine openHeld(StoreConfig config, StoreBackups backups, StoreLock lock) throws IOException {
        Path dataDir = config.dataDir();
        Path database = H2Urls.database(dataDir);
        Credentials credentials;
        boolean newPasswords;
        if (!DatabaseFiles.holdsData(database)) {
            if (!config.createIfMissing()) {
                throw missing(dataDir);
            }
            credentials = Optional.ofNullable(Credentials.read(dataDir)).orElseGet(Credentials::fresh);
            credentials.write(dataDir);
            create(config, credentials);
            newPasswords = false;
        } else {
            guard(config, backups);
            newPasswords = !Files.exists(StoreFiles.credentials(dataDir)) || Credentials.incomplete(dataDir);
            credentials = existingCredentials(config);
        }
        HikariDataSource admin = openAdmin(config, database, credentials);
        try {
            String version = schema(config, backups, admin);
            if (version == null) {
                // H2 2.4.240 ties a CHECK (c IN (...)) constraint to the session that created it (h2database
                // issues 4302, 4308): once the pool retires that connection while the database stays open, every
                // insert into the table fails. Reopening lets H2 read every constraint with its own session.
                admin.close();
                admin = openAdmin(config, database, credentials);
                version = Migrations.LATEST;
            }
            String memberUrl = H2Urls.member(database, config.lockTimeout());
            try (Connection c = admin.getConnection()) {
                Roles.ensure(c, credentials, newPasswords);
                if (!config.readOnly()) {
                    recordVersions(c, version);
                    markOpened(c);
                    discardUnfinishedImports(c, dataDir);
                }
            }
            Connections connections = Connections.local(admin, memberUrl, H2Urls.member(database, Duration.ZERO),
                    credentials, config.readOnly(), config.maxPoolSize(), lock);
            StoreEngine engine = new StoreEngine(config, connections, version);
            log.info("opened store at {} (schema {}, H2 {}, {}{})", dataDir, version, org.h2.engine.Constants.FULL_VERSION,
                    config.durability(), config.readOnly() ? ", read-only" : "");
            return engine;
        } catch (SQLException | RuntimeException e) {
            admin.close();
            throw e instanceof SQLException sql ? Failures.during(null, new org.jooq.exception.DataAccessException(
                    sql.getMessage(), sql)) : (RuntimeException) e;
        }
    }

    /**
     * Makes a new store's database in one step: built under a name of its own ({@code worlds-new}), migrated,
     * given its users, forced to disk, closed, and only then renamed to {@code worlds.mv.db}. H2 does not
     * force a new database to disk while it creates it, and a power cut in that window leaves a file H2
     * refuses to open; with the rename, a cut leaves no store (the next open starts again) or a whole one.
     */
    private static void create(StoreConfig config, Credentials credentials) throws IOException {
        Path building = config.dataDir().resolve(StoreFiles.DATABASE_NAME + "-new");
        DatabaseFiles.deleteIfExists(building);
        DatabaseFiles.createEmpty(building);
        HikariDataSource admin = openAdmin(config, building, credentials);
        try {
            Migrations.migrate(admin, Engine.H2, config.location(), StoreBackups.NONE::online);
            try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
                Roles.ensure(c, credentials, true);
                recordVersions(c, Migrations.LATEST);
                st.execute("CHECKPOINT SYNC");
            }
        } catch (SQLException e) {
            throw Failures.during(null, new org.jooq.exception.DataAccessException(e.getMessage(), e));
        } finally {
            admin.close();
        }
        DatabaseFiles.moveInto(building, H2Urls.database(config.dataDir()));
        log.info("created store at {}", config.dataDir());
    }

    /**
     * Opens the admin pool, and with it the database. A store whose admin password is still empty although the
     * credentials file exists was cut short by a crash while it got its password: it gets it now.
     */
    private static HikariDataSource openAdmin(StoreConfig config, Path database, Credentials credentials) {
        String url = H2Urls.admin(database, config);
        try {
            return Connections.adminPool(url, credentials);
        } catch (RuntimeException e) {
            SQLException sql = Failures.sqlCause(e);
            if (sql == null || sql.getErrorCode() != org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw e;
            }
            try (Connection c = DriverManager.getConnection(url, Credentials.ADMIN, "");
                 PreparedStatement set = c.prepareStatement("ALTER USER " + Credentials.ADMIN + " SET PASSWORD ?")) {
                set.setString(1, credentials.admin());
                set.execute();
            } catch (SQLException refused) {
                throw refused(config.dataDir());
            }
            return Connections.adminPool(url, credentials);
        }
    }

    /**
     * Migrates the schema (a read-only open only checks it); returns its version, or {@code null} when a
     * migration ran, after which the pool must be reopened.
     */
    private static String schema(StoreConfig config, StoreBackups backups, HikariDataSource admin) {
        if (config.readOnly()) {
            String version = Migrations.current(admin, Engine.H2, config.location());
            String legacy = Migrations.hasTable(admin, Migrations.LEGACY_TABLE) ? "was made by release 0.1 and needs a "
                    + "one-time upgrade (its schema history moved, its database users made)" : null;
            String migration = !version.equals(Migrations.LATEST) ? "has schema " + version + " and needs migrating to "
                    + Migrations.LATEST : null;
            String upgrade = legacy != null && migration != null ? legacy + ", and " + migration
                    : legacy != null ? legacy : migration;
            if (upgrade != null) {
                throw new StoreUnavailableException(null, "store at " + config.dataDir() + " " + upgrade + ", which a "
                        + "read-only open does not do; run a command that writes (such as import or create) once");
            }
            return version;
        }
        Migrations.Result result = Migrations.migrate(admin, Engine.H2, config.location(), backups::online);
        return result.changed() ? null : result.version();
    }

    /** Checks the catalogue of an existing file before H2 opens it; removes what is foreign when told to. */
    private static void guard(StoreConfig config, StoreBackups backups) {
        String file = DatabaseFiles.file(H2Urls.database(config.dataDir()));
        List<SchemaGuard.Foreign> foreign = SchemaGuard.check(file, config.dataDir());
        if (foreign.isEmpty()) {
            return;
        }
        boolean removable = foreign.stream().allMatch(SchemaGuard.Foreign::removable);
        if (!config.dropForeignObjects() || !removable || config.readOnly()) {
            throw new StoreUnavailableException(null, SchemaGuard.describe(config.dataDir(), foreign));
        }
        try {
            backups.offline("pre-drop");
        } catch (Exception e) {
            throw new StoreUnavailableException(null, "store at " + config.dataDir() + ": the backup before removing "
                    + "foreign objects failed, so nothing was removed: " + Failures.firstLine(String.valueOf(e.getMessage())), e);
        }
        Catalogue.remove(file, foreign.stream().map(SchemaGuard.Foreign::id).toList());
        log.warn("store at {}: removed {} object(s) its migrations did not make: {}", config.dataDir(), foreign.size(),
                foreign.stream().map(SchemaGuard.Foreign::description).toList());
        List<SchemaGuard.Foreign> left = SchemaGuard.check(file, config.dataDir());
        if (!left.isEmpty()) {
            throw new StoreUnavailableException(null, SchemaGuard.describe(config.dataDir(), left));
        }
    }

    /**
     * The credentials of an existing store. A store from before the credentials file existed had an empty
     * admin password: it gets the file now. A store whose file is missing otherwise is refused without
     * writing anything, so the right file can still be put back.
     */
    private static Credentials existingCredentials(StoreConfig config) throws IOException {
        Path dataDir = config.dataDir();
        Credentials stored = Credentials.read(dataDir);
        if (stored != null) {
            if (Credentials.incomplete(dataDir) && !config.readOnly()) {
                stored.write(dataDir);
            }
            return stored;
        }
        Credentials fresh = Credentials.fresh();
        String url = H2Urls.admin(H2Urls.database(dataDir), config);
        try (Connection c = DriverManager.getConnection(url, Credentials.ADMIN, "");
             PreparedStatement set = c.prepareStatement("ALTER USER " + Credentials.ADMIN + " SET PASSWORD ?")) {
            // The file first: a crash in between leaves the file and an empty password, which the next open mends.
            fresh.write(dataDir);
            set.setString(1, fresh.admin());
            set.execute();
            log.info("the store at {} had no admin password; it now has the one in {}", dataDir, StoreFiles.CREDENTIALS);
            return fresh;
        } catch (SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw refused(dataDir);
            }
            throw new StoreUnavailableException(null, "store at " + dataDir + " cannot be opened: "
                    + Failures.withoutStatement(Failures.firstLine(e.getMessage())), e);
        }
    }

    static StoreUnavailableException refused(Path dataDir) {
        return new StoreUnavailableException(null, "store at " + dataDir + " refused its admin password: "
                + StoreFiles.CREDENTIALS + " is missing or belongs to another store; put back the " + StoreFiles.CREDENTIALS
                + " that was copied with this store's " + StoreFiles.DATABASE);
    }

    /** The schema and H2 versions that last opened the store, for {@code info} and for people reading it. */
    private static void recordVersions(Connection admin, String schemaVersion) {
        DSLContext dsl = DSL.using(admin, SQLDialect.H2);
        SettingRows.putIfChanged(dsl, "h2.version", org.h2.engine.Constants.FULL_VERSION);
        SettingRows.putIfChanged(dsl, "schema.version", schemaVersion);
    }

    /**
     * Makes this session's first chunk of H2's file durable before any caller writes. After a clean close H2's
     * header is marked clean, and the next session clears the mark only after writing its first chunk: a power
     * cut in between leaves that chunk under a clean header, and the reopen ignores it. The session after that
     * then writes a chunk of the same number at the same place and a header naming it, and a cut that keeps the
     * header but not the chunk let H2 open with the old one: a write the reopen had not shown came back
     * (power-cut harness, seed 739196086; {@code StaleChunkPowerCutTest}). So the open rewrites one row of the
     * store's settings as it is (H2 writes a chunk for it; a checkpoint with no change writes none) and forces
     * it to disk: a chunk that such a cut can leave behind then changes nothing, and the data stays as it was.
     *
     * <p>It first takes a value of each of the store's sequences: H2 writes a sequence's state in a commit of its
     * own when a value passes its cached range (a million values, schema 7), and it would otherwise do so in the
     * middle of the session's first INSERT that takes one, where a storage failure leaves H2 unable to roll that
     * statement back (V7__world_key.sql). Here a failure fails the open. A value taken is never used: keys have gaps.
     */
    private static void markOpened(Connection admin) throws SQLException {
        try (Statement st = admin.createStatement()) {
            for (String sequence : SchemaGuard.ownSequences()) {
                st.executeQuery("SELECT NEXT VALUE FOR " + sequence).close();
            }
            st.executeUpdate("UPDATE " + STORE_SETTING.getName() + " SET " + STORE_SETTING.SETTING.getName() + " = "
                    + STORE_SETTING.SETTING.getName() + " WHERE " + STORE_SETTING.NAME.getName() + " = 'schema.version'");
            st.execute("CHECKPOINT SYNC");
        }
    }

    /**
     * Deletes what imports that died left behind (schema V11): rows under a world key that has no world row, which
     * no read can find. The process that holds the store runs this before any caller can start an import.
     */
    private static void discardUnfinishedImports(Connection admin, Path dataDir) throws SQLException {
        admin.setAutoCommit(false);
        try {
            List<String> discarded = ImportRows.discardAll(Engine.H2.dsl(admin));
            admin.commit();
            if (!discarded.isEmpty()) {
                log.warn("store at {}: deleted the rows of {} import(s) that did not finish: {}", dataDir,
                        discarded.size(), String.join(", ", discarded));
            }
        } catch (SQLException | RuntimeException e) {
            admin.rollback();
            throw e;
        } finally {
            admin.setAutoCommit(true);
        }
    }

    /**
     * The store is held by another process: reach it through its inspection server, or say why not. Returns
     * {@code null} when the holder let the store go between reading its address and connecting (a command line
     * that finished), unless {@code late}: the caller then tries the store's lock again.
     */
    private static StoreEngine attachOrRefuse(StoreConfig config, Optional<InspectionAddress> address, boolean late)
            throws IOException {
        Path dataDir = config.dataDir();
        String holder = address.map(a -> " (process " + a.pid() + ", " + a.holder() + ")").orElse("");
        if (!config.attachIfHeld()) {
            throw new StoreLockedException(null, "store at " + dataDir + " is in use by another process" + holder);
        }
        if (address.filter(InspectionAddress::opening).isPresent()) {
            throw new StoreLockedException(null, "store at " + dataDir + " is in use by another process" + holder
                    + ", which was still opening it after " + config.lockTimeout().toMillis() + " ms (the lock "
                    + "timeout); try again once it has opened");
        }
        if (address.isEmpty() || !address.get().isServing()) {
            throw new StoreLockedException(null, "store at " + dataDir + " is in use by another process" + holder
                    + ", which does not serve live inspection" + address.map(a -> a.unavailable().isEmpty() ? ""
                    : ": " + a.unavailable()).orElse(""));
        }
        Credentials credentials = Credentials.read(dataDir);
        if (credentials == null) {
            throw refused(dataDir);
        }
        String url = H2Urls.remote(address.get().port(), address.get().key(), config.lockTimeout());
        Connections connections = Connections.remote(url, H2Urls.remote(address.get().port(), address.get().key(),
                Duration.ZERO), credentials, config.readOnly(), config.maxPoolSize());
        try {
            // A person's connection (plain, no pool) first: a port where nothing listens any more, or a key the
            // holder no longer serves, fails here at once; the pools would retry for their connection timeout
            // (30 s) before saying so.
            String version;
            try (Connection probe = connections.person(false)) {
                // Held until the pool has its own connection: the holder's close waits for other processes'
                // sessions, and must not see none in between.
                version = remoteSchemaVersion(connections);
            }
            if (!Migrations.LATEST.equals(version)) {
                throw new StoreUnavailableException(null, "store at " + dataDir + " is held by a process" + holder
                        + " with schema " + version + "; this cardshark-worlds knows schema " + Migrations.LATEST);
            }
            log.info("attached to store at {} held by process {}", dataDir, address.get().pid());
            return new StoreEngine(config, connections, version);
        } catch (SQLException | RuntimeException e) {
            connections.close();
            if (!late && !InspectionAddress.read(dataDir).equals(address)) {
                return null;
            }
            throw new StoreLockedException(null, "store at " + dataDir + " is in use by another process" + holder
                    + ", and its live inspection could not be reached: "
                    + Failures.withoutStatement(Failures.firstLine(String.valueOf(e.getMessage()))), e);
        }
    }

    private static String remoteSchemaVersion(Connections connections) throws SQLException {
        try (Connection c = connections.member(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT SETTING FROM STORE_SETTING WHERE NAME = 'schema.version'")) {
            return rs.next() ? rs.getString(1) : "none";
        }
    }

    /**
     * Holds the store's lock without opening it, for work on its files with the store closed (a restore's
     * swap); closing the result releases it.
     *
     * @throws StoreLockedException when any process, this one included, has the store open
     */
    public static AutoCloseable lockClosed(Path dataDir) throws IOException {
        StoreLock lock = StoreLock.tryAcquire(dataDir);
        if (lock == null) {
            throw new StoreLockedException(null, "store at " + dataDir + " was opened by another process meanwhile; "
                    + "nothing was replaced");
        }
        return lock;
    }

    private static WorldStoreException missing(Path dataDir) {
        return new StoreUnavailableException(null, "no store at " + dataDir + "; a command that writes (such as "
                + "create or import) makes one");
    }
}
