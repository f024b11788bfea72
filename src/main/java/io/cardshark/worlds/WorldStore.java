package io.cardshark.worlds;

import io.cardshark.worlds.backup.Backups;
import io.cardshark.worlds.backup.Snapshots;
import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.backup.VerifyReport;
import io.cardshark.worlds.folder.WorldFolders;
import io.cardshark.worlds.internal.backup.BackupService;
import io.cardshark.worlds.internal.backup.Verifier;
import io.cardshark.worlds.internal.OperationSet;
import io.cardshark.worlds.internal.folder.FolderService;
import io.cardshark.worlds.session.SessionConfig;
import io.cardshark.worlds.session.SessionTimers;
import io.cardshark.worlds.session.WorldSessions;
import io.cardshark.worlds.internal.StoreEngine;
import io.cardshark.worlds.internal.StoreFiles;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

import static io.cardshark.worlds.internal.db.Tables.WORLD;

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
 * owns its connection pool and the database file lock; {@link #close()} releases both. One process at a
 * time may open a store: a second gets a {@link StoreLockedException}.
 */
public final class WorldStore implements WorldOperations, AutoCloseable {

    private final StoreEngine engine;
    private final OperationSet operations;
    private final FolderService folders;
    private final Backups backups;
    private WorldSessions sessions;

    private WorldStore(StoreEngine engine) {
        this.engine = engine;
        this.folders = new FolderService(engine);
        this.operations = new OperationSet(engine.ownTransactions(), folders.beforeDestroy());
        this.backups = new BackupService(engine);
        // This process holds the store's lock now: no backup or snapshot of it can be in progress elsewhere.
        BackupService.removeLeftovers(engine.config());
        folders.removeSnapshotLeftovers();
    }

    /**
     * Opens the store {@code config} names, creating it or migrating its schema as needed.
     *
     * @throws StoreLockedException      when another process has it open
     * @throws StoreUnavailableException when its schema is newer than this code or its files are damaged
     */
    public static WorldStore open(StoreConfig config) {
        Objects.requireNonNull(config, "config");
        WorldStore store = new WorldStore(StoreEngine.open(config));
        if (config.verifyOnOpen()) {
            VerifyReport report;
            try {
                report = store.verify(VerifyLevel.QUICK);
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
            if (!report.passed()) {
                store.close();
                throw new StoreUnavailableException(null, "store at " + config.dataDir() + " failed verification on open: "
                        + report.failures().get(0) + (report.failures().size() > 1
                        ? " (and " + (report.failures().size() - 1) + " more; run verify)" : ""));
            }
        }
        return store;
    }

    /** Starts a configuration: {@code WorldStore.configure().dataDir(dir).open()}. */
    public static StoreConfig.Builder configure() {
        return StoreConfig.builder();
    }

    /** Runs {@code work} in one transaction and returns its result; any exception rolls everything back. */
    public <T> T inTransaction(TransactionCallback<T> work) {
        Objects.requireNonNull(work, "work");
        return engine.transaction(null, tx -> work.run(new OperationSet(tx, folders.beforeDestroy())));
    }

    /** Runs {@code work} in one transaction; any exception rolls everything back. */
    public void useTransaction(TransactionConsumer work) {
        Objects.requireNonNull(work, "work");
        engine.transaction(null, tx -> {
            work.run(new OperationSet(tx, folders.beforeDestroy()));
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
    public Files files() {
        return operations.files();
    }

    @Override
    public StoreSettings settings() {
        return operations.settings();
    }

    /**
     * Sessions with autosave on this store's worlds, and the active world ({@link WorldSessions}), with the
     * default autosave settings. Closed with the store, after a last save.
     */
    public synchronized WorldSessions sessions() {
        if (sessions == null) {
            sessions = WorldSessions.of(this, SessionConfig.DEFAULTS, SessionTimers.system());
        }
        return sessions;
    }

    /** Import and export of world folders (format spec: {@code docs/world-folder-format.md}). */
    public WorldFolders folders() {
        return folders;
    }

    /** Whole-store backups, taken online ({@link Backups}); restore with {@link Backups#restore}. */
    public Backups backups() {
        return backups;
    }

    /** Per-world snapshots, taken before every destructive step and on demand ({@link Snapshots}). */
    public Snapshots snapshots() {
        return folders.snapshots();
    }

    /**
     * Checks that the store holds what it promises ({@link VerifyLevel} says how thoroughly). Runs beside
     * writers; a failure in the report means damage, a warning something the format allows but that
     * usually points at a mistake.
     */
    public VerifyReport verify(VerifyLevel level) {
        Objects.requireNonNull(level, "level");
        return new Verifier(engine, folders).run(level);
    }

    /** Where the store lives and which versions wrote it. */
    public StoreInfo info() {
        int worlds = engine.transaction(null, tx -> tx.dsl().fetchCount(WORLD));
        return new StoreInfo(engine.config().dataDir(), StoreFiles.databaseFile(engine.config().dataDir()),
                engine.schemaVersion(), org.h2.engine.Constants.FULL_VERSION, engine.config().durability(), worlds);
    }

    /**
     * A JDBC connection for looking inside with SQL. Read-only connections belong to a database user that
     * may only {@code SELECT}: no write, DDL, file function or script command gets through. The caller
     * closes it.
     */
    public Connection sqlConnection(boolean writable) throws SQLException {
        return engine.inspectionConnection(writable);
    }

    /** The configuration the store was opened with. */
    public StoreConfig config() {
        return engine.config();
    }

    /** Closes the connection pool and the database; further calls fail. */
    @Override
    public void close() {
        WorldSessions open;
        synchronized (this) {
            open = sessions;
        }
        try {
            if (open != null) {
                open.closeAll();
            }
        } finally {
            engine.close();
        }
    }
}
