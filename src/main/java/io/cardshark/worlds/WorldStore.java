package io.cardshark.worlds;

import io.cardshark.worlds.backup.BackupInfo;
import io.cardshark.worlds.backup.Backups;
import io.cardshark.worlds.backup.Snapshots;
import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.backup.VerifyReport;
import io.cardshark.worlds.folder.WorldFolders;
import io.cardshark.worlds.internal.backup.BackupService;
import io.cardshark.worlds.internal.backup.Verifier;
import io.cardshark.worlds.internal.console.WebConsole;
import io.cardshark.worlds.internal.engine.StoreEngine;
import io.cardshark.worlds.internal.index.SearchIndexer;
import io.cardshark.worlds.internal.engine.StoreFiles;
import io.cardshark.worlds.internal.engine.StoreOpener;
import io.cardshark.worlds.internal.folder.FolderService;
import io.cardshark.worlds.internal.ops.OperationSet;
import io.cardshark.worlds.internal.ops.StoreCopier;
import io.cardshark.worlds.internal.sessions.SessionManager;
import io.cardshark.worlds.session.WorldSessions;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The embedded world store: one H2 database file in a data folder, holding every world with its
 * locations, player, chats, events and files.
 *
 * <pre>{@code
 * try (WorldStore store = WorldStore.configure().dataDir(Path.of("data")).open()) {
 *     World w = store.worlds().create("Tiny World");
 *     store.useTransaction(tx -> {
 *         tx.locations().put(w.id(), Location.at(Coordinates.of(0, 0, 0), "origin", "Origin", "Where it starts."));
 *         tx.players().move(w.id(), Coordinates.of(0, 0, 0));
 *     });
 * }
 * }</pre>
 *
 * <p>Thread-safe: share one instance. Each call on the store runs in a transaction of its own;
 * {@link #inTransaction} and {@link #useTransaction} run several calls all or nothing. Writers of one world
 * are serialised, so no update is lost; writers of different worlds do not wait for each other. The store
 * owns its connection pool, the store's lock, its sessions and its inspection server; {@link #close()}
 * saves the sessions and releases the rest. One process at a time holds a store; others look inside it
 * through {@link #inspection()} ({@link StoreConfig#attachIfHeld()}).
 */
public final class WorldStore implements WorldOperations, AutoCloseable {

    private final StoreEngine engine;
    private final OperationSet operations;
    private final FolderService folders;
    private final Backups backups;
    private final SessionManager sessions;
    private final Inspection inspection;
    /** Keeps the search index compact; only in the process that owns the store and may write it. */
    private volatile SearchIndexer indexer;
    private final List<SqlConsole> consoles = new ArrayList<>();
    /** Closes the store when the JVM ends (Ctrl-C, SIGTERM, System.exit) without {@link #close()}: sessions saved. */
    private final Thread closeOnExit = new Thread(this::close, "cardshark-worlds-close-on-exit");

    private WorldStore(StoreEngine engine) {
        this.engine = engine;
        this.folders = new FolderService(engine);
        this.operations = new OperationSet(engine.ownTransactions(), folders.beforeDestroy());
        this.backups = new BackupService(engine);
        this.sessions = new SessionManager(this, this::useTransaction, engine.config().sessions());
        this.inspection = new StoreInspection();
    }

    /**
     * Opens the store {@code config} names, creating it or migrating its schema as configured. A migration is
     * preceded by a backup ({@code pre-migration}). The caller owns the store and closes it.
     *
     * @param config where the store is and how to open it
     * @return the open store
     * @throws StoreLockedException      when another process (or this JVM) has it open, and it is not to be
     *                                   reached through that process
     * @throws StoreUnavailableException when there is no store and none is to be made, when its schema is
     *                                   newer than this code, when it holds objects its migrations did not
     *                                   make, or when its files are damaged
     */
    public static WorldStore open(StoreConfig config) {
        Objects.requireNonNull(config, "config");
        StoreEngine engine = StoreOpener.open(config, BackupService.openingBackups(config));
        WorldStore store = new WorldStore(engine);
        try {
            if (!engine.isAttached()) {
                // This process holds the store's lock: no backup or snapshot of it can be in progress elsewhere.
                BackupService.removeLeftovers(config);
                store.folders.finishInterruptedSnapshots(!config.readOnly());
                if (!config.onPostgres()) {
                    if (config.serveInspection()) {
                        engine.startServing();
                    } else {
                        engine.publishNotServing("it was opened with serveInspection(false)");
                    }
                }
                if (!config.readOnly() && config.backgroundIndexing()) {
                    store.indexer = SearchIndexer.start(engine);
                }
            }
            if (config.verifyOnOpen()) {
                refuseIfDamaged(store);
            }
            Runtime.getRuntime().addShutdownHook(store.closeOnExit);
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static void refuseIfDamaged(WorldStore store) {
        VerifyReport report = store.verify(VerifyLevel.QUICK);
        if (!report.passed()) {
            throw new StoreUnavailableException(null, "store at " + store.config().dataDir()
                    + " failed verification on open: " + report.failures().get(0) + (report.failures().size() > 1
                    ? " (and " + (report.failures().size() - 1) + " more; run verify)" : ""));
        }
    }

    /**
     * Starts a configuration: {@code WorldStore.configure().dataDir(dir).open()}.
     *
     * @return a builder holding the defaults (listed at {@link WorldStoreBuilder})
     */
    public static WorldStoreBuilder configure() {
        return new WorldStoreBuilder();
    }

    /**
     * Starts a configuration from an existing one, to change some of its settings. Backup and snapshot folders
     * that are the defaults inside {@code base}'s data folder follow a new data folder.
     *
     * @param base the settings to start from; it stays as it is
     * @return a builder holding {@code base}'s settings
     */
    public static WorldStoreBuilder configure(StoreConfig base) {
        return new WorldStoreBuilder(java.util.Objects.requireNonNull(base, "base"));
    }

    /**
     * Replaces the store {@code config} names with the backup called {@code backupName}, atomically: the store
     * holds either its old content or the backup's, never a mix. The current store is backed up first, so a
     * restore can itself be undone. The backup is opened once, beside the store, before it replaces
     * anything: a backup this code cannot read leaves the store as it was. The store must not be open
     * anywhere.
     *
     * @param config     the store to replace, and where its backups are ({@link StoreConfig#backupDir()})
     * @param backupName the backup's file name, as {@link BackupInfo#name()} gives it
     *                   ({@code worlds-<time>-<reason>.zip})
     * @return the backup of the store as it was before the restore, or {@code null} when there was none
     * @throws NotFoundException          when no such backup exists
     * @throws InvalidInputException      when the name is no backup file name, or the file is no store backup
     * @throws StoreLockedException       when the store is open in another process or in this JVM
     * @throws StoreUnavailableException  when the backup holds a store this code cannot open (a newer schema,
     *                                    damaged files)
     * @throws WorldStoreException        with {@link ErrorCode#IO_FAILURE} when reading the backup or writing
     *                                    the store's files fails; the store is then unchanged
     */
    public static BackupInfo restore(StoreConfig config, String backupName) {
        Objects.requireNonNull(config, "config");
        return BackupService.restore(config, backupName);
    }

    /**
     * Copies every world of this store into {@code target}, another store, on the same engine or another: how a
     * store moves from the embedded H2 file to PostgreSQL and back. Each world's rows go as they are, read in one
     * moment of this store and written in one transaction of the target, so a world arrives whole or not at all,
     * its exports from either store are the same bytes, and a branch keeps its lineage. The messages are indexed
     * for search by the target afterwards, as after an import. Worlds go one at a time, in the order of their ids;
     * a refused one is reported and the others go on.
     *
     * @param target  the store to copy into, open for writing; not this one
     * @param replace replace a world the target already has (after a snapshot of it, in the same transaction),
     *                instead of refusing it
     * @return one result per world of this store, in the order of their ids
     * @throws IllegalArgumentException when {@code target} is this store
     */
    public List<CopyResult> copyWorldsTo(WorldStore target, boolean replace) {
        Objects.requireNonNull(target, "target");
        if (target == this) {
            throw new IllegalArgumentException("a store cannot be copied into itself");
        }
        return new StoreCopier(engine, target.engine, target.folders.beforeDestroy()).copyAll(replace);
    }

    /**
     * Runs {@code work} in one transaction and returns its result; any exception rolls everything back. Calls
     * inside {@code work} go through {@code tx}; a call on the store itself from inside fails at once with an
     * {@link IllegalStateException} (it would wait for the locks {@code tx} holds).
     *
     * @param <T>  the type of the result
     * @param work what to do, through the transaction it is handed
     * @return what {@code work} returned, once the transaction has committed
     * @throws IllegalStateException when called from inside a transaction of this store
     */
    public <T> T inTransaction(TransactionCallback<T> work) {
        Objects.requireNonNull(work, "work");
        return engine.transaction(null, tx -> work.run(new OperationSet(tx, folders.beforeDestroy())));
    }

    /**
     * Runs {@code work} in one transaction; any exception rolls everything back. See {@link #inTransaction}.
     *
     * @param work what to do, through the transaction it is handed
     * @throws IllegalStateException when called from inside a transaction of this store
     */
    public void useTransaction(TransactionConsumer work) {
        Objects.requireNonNull(work, "work");
        inTransaction(tx -> {
            work.run(tx);
            return null;
        });
    }

    @Override
    public Worlds worlds() {
        return operations.worlds();
    }

    @Override
    public Locations locations() {
        return operations.locations();
    }

    @Override
    public Players players() {
        return operations.players();
    }

    @Override
    public Chats chats() {
        return operations.chats();
    }

    @Override
    public Events events() {
        return operations.events();
    }

    @Override
    public WorldFiles files() {
        return operations.files();
    }

    @Override
    public StoreSettings settings() {
        return operations.settings();
    }

    /**
     * Sessions with autosave on this store's worlds, and the active world ({@link WorldSessions}), with the
     * settings of {@link StoreConfig#sessions()}. The store has exactly one; its close saves and closes it.
     *
     * @return the store's sessions
     */
    public WorldSessions sessions() {
        return sessions;
    }

    /**
     * Import and export of world folders (format: {@code docs/world-folder-format.md}).
     *
     * @return the store's world folders
     */
    public WorldFolders folders() {
        return folders;
    }

    /**
     * Whole-store backups, taken online ({@link Backups}); restore with {@link #restore}.
     *
     * @return the store's backups
     */
    public Backups backups() {
        return backups;
    }

    /**
     * Per-world snapshots, taken before every destructive step and on demand ({@link Snapshots}).
     *
     * @return the store's snapshots
     */
    public Snapshots snapshots() {
        return folders.snapshots();
    }

    /**
     * Looking inside the store while it is in use: by other processes, and through a web console.
     *
     * @return the store's inspection
     */
    public Inspection inspection() {
        return inspection;
    }

    /**
     * Checks that the store holds what it promises ({@link VerifyLevel} says how thoroughly). Runs beside
     * writers; a failure in the report means damage, a warning something the format allows but that
     * usually points at a mistake. Damage is reported, not thrown.
     *
     * @param level how thoroughly to look
     * @return what the checks found
     */
    public VerifyReport verify(VerifyLevel level) {
        Objects.requireNonNull(level, "level");
        return new Verifier(engine, folders, scratch -> {
            WorldStore other = configure().dataDir(scratch).serveInspection(false).open();
            return new Verifier.Scratch(other.folders(), other::close);
        }).run(level);
    }

    /**
     * Brings the search index up to date now, on the calling thread: every pending message into a segment,
     * then the merges that are due. The store's indexer does this in the background as messages come; this is
     * for after an upgrade from schema 3 or a large branch (whose messages are pending until indexed), for a
     * store opened with {@code backgroundIndexing(false)}, and for a search that must be at its fastest at once. Safe beside writers and the indexer (steps run one at a time).
     *
     * @return the state of the index afterwards
     * @throws StoreUnavailableException when the store is closed or read-only
     */
    public SearchIndexStatus updateSearchIndex() {
        if (engine.config().readOnly()) {
            throw new StoreUnavailableException(null, "store at " + engine.config().dataDir()
                    + " is open read-only; updating its search index writes");
        }
        SearchIndexer running = indexer;
        Runnable none = () -> {
        };
        int steps = running != null ? running.catchUpNow()
                : SearchIndexer.catchUp(engine, true, none, none, new java.util.concurrent.locks.ReentrantLock());
        return SearchIndexer.status(engine, steps);
    }

    /**
     * Where the store lives and which versions wrote it.
     *
     * @return the store's figures as of now
     */
    public StoreInfo info() {
        StoreConfig config = engine.config();
        if (config.onPostgres()) {
            return new StoreInfo(config.dataDir(), null, engine.schemaVersion(), null, config.durability(),
                    worlds().count(), false, false, "PostgreSQL " + settings().get("postgresql.version").orElse("?")
                    + " at " + config.location());
        }
        return new StoreInfo(config.dataDir(), StoreFiles.database(config.dataDir()), engine.schemaVersion(),
                org.h2.engine.Constants.FULL_VERSION, config.durability(), worlds().count(), engine.isAttached(),
                inspection.isServing(), "H2 " + org.h2.engine.Constants.FULL_VERSION);
    }

    /**
     * A JDBC connection for looking inside with SQL. Read-only connections belong to a database user that
     * may only {@code SELECT}; writable ones to one that may change rows but no schema, alias, trigger or
     * file. The caller closes it.
     *
     * @param writable whether the connection may change rows
     * @return a new connection to the store's database
     * @throws SQLException              when H2 cannot give a connection
     * @throws StoreUnavailableException when the store is closed, or a writable connection is asked of a store
     *                                   that was opened read-only or refuses writes after a storage failure
     */
    public Connection sqlConnection(boolean writable) throws SQLException {
        return engine.inspectionConnection(writable);
    }

    /**
     * The configuration the store was opened with.
     *
     * @return the configuration, as validated and normalised when it was built
     */
    public StoreConfig config() {
        return engine.config();
    }

    /**
     * Saves and closes the sessions, stops consoles and inspection, closes the database and releases the
     * store's lock; further calls fail with {@link StoreUnavailableException}. Also runs when the JVM ends
     * without it (a shutdown hook), so a stopped application leaves its store whole.
     *
     * @throws WorldStoreException when a session's last save fails; the store is closed all the same
     */
    @Override
    public void close() {
        if (Thread.currentThread() != closeOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(closeOnExit);
            } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNeverAdded) {
                // The JVM is ending and the hook runs (or ran); or the store never finished opening.
            }
        }
        try {
            sessions.closeAll();
        } finally {
            List<SqlConsole> open;
            synchronized (consoles) {
                open = new ArrayList<>(consoles);
                consoles.clear();
            }
            open.forEach(SqlConsole::close);
            SearchIndexer running = indexer;
            if (running != null) {
                running.close();
            }
            engine.close();
        }
    }

    /** {@link Inspection} over the engine's inspection server and the web console. */
    private final class StoreInspection implements Inspection {
        @Override
        public boolean isServing() {
            return engine.isServing();
        }

        @Override
        public void start() {
            engine.startServing();
        }

        @Override
        public void stop() {
            engine.stopServing();
        }

        @Override
        public SqlConsole console(boolean writable) {
            try {
                SqlConsole console = WebConsole.start(engine.inspectionConnection(writable), writable);
                synchronized (consoles) {
                    consoles.add(console);
                }
                return console;
            } catch (SQLException e) {
                throw new StoreUnavailableException(null, "store at " + engine.config().dataDir()
                        + ": no connection for the console: " + e.getMessage(), e);
            }
        }
    }
}
