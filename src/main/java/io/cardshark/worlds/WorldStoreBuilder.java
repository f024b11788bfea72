package io.cardshark.worlds;

import io.cardshark.worlds.session.SessionConfig;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Collects the settings of a {@link StoreConfig}, starting from the defaults; {@link #build()} validates them and
 * {@link #open()} opens the store with them. Not thread-safe. Start one with {@link WorldStore#configure()}:
 *
 * <pre>{@code
 * try (WorldStore store = WorldStore.configure().dataDir(Path.of("data")).open()) { ... }
 * }</pre>
 *
 * <p>The defaults: {@code ./data}, 8 connections, 10 s lock timeout, {@link Durability#PROCESS_CRASH}, backups
 * and snapshots inside the data folder, {@link Retention#DEFAULT}, no verification on open, a new store made
 * when there is none, read and write, live inspection served, no attaching, foreign objects refused,
 * {@link SessionConfig#DEFAULTS}, a page cache of 16 MB.
 */
public final class WorldStoreBuilder {
    private Path dataDir = StoreConfig.DEFAULT_DATA_DIR;
    private int maxPoolSize = StoreConfig.DEFAULT_MAX_POOL_SIZE;
    private Duration lockTimeout = StoreConfig.DEFAULT_LOCK_TIMEOUT;
    private Durability durability = Durability.PROCESS_CRASH;
    private Path backupDir;
    private Path snapshotDir;
    private Retention retention = Retention.DEFAULT;
    private boolean verifyOnOpen;
    private boolean createIfMissing = true;
    private boolean readOnly;
    private boolean serveInspection = true;
    private boolean attachIfHeld;
    private boolean dropForeignObjects;
    private String applicationName;
    private SessionConfig sessions = SessionConfig.DEFAULTS;
    private SnapshotForm snapshotForm = SnapshotForm.FOLDER;
    private PostgresDatabase postgres;
    private int cacheSizeMb = StoreConfig.DEFAULT_CACHE_SIZE_MB;
    private boolean backgroundIndexing = true;

    WorldStoreBuilder() {
    }

    /**
     * A builder holding {@code base}'s settings. A backup or snapshot folder that is the default one inside
     * {@code base}'s data folder stays "the default": it follows a new {@link #dataDir}.
     */
    WorldStoreBuilder(StoreConfig base) {
        dataDir = base.dataDir();
        maxPoolSize = base.maxPoolSize();
        lockTimeout = base.lockTimeout();
        durability = base.durability();
        backupDir = base.backupDir().equals(StoreConfig.defaultBackupDir(base.dataDir())) ? null : base.backupDir();
        snapshotDir = base.snapshotDir().equals(StoreConfig.defaultSnapshotDir(base.dataDir())) ? null
                : base.snapshotDir();
        retention = base.retention();
        verifyOnOpen = base.verifyOnOpen();
        createIfMissing = base.createIfMissing();
        readOnly = base.readOnly();
        serveInspection = base.serveInspection();
        attachIfHeld = base.attachIfHeld();
        dropForeignObjects = base.dropForeignObjects();
        applicationName = base.applicationName();
        snapshotForm = base.snapshotForm();
        sessions = base.sessions();
        postgres = base.postgres();
        cacheSizeMb = base.cacheSizeMb();
        backgroundIndexing = base.backgroundIndexing();
    }

    /**
     * Sets the folder that holds the store's files; default {@code ./data}.
     *
     * @param dataDir the folder, made absolute when built; it need not exist yet
     * @return this builder
     */
    public WorldStoreBuilder dataDir(Path dataDir) {
        this.dataDir = dataDir;
        return this;
    }

    /**
     * Keeps the store in a PostgreSQL database instead of the embedded H2 file of the data folder (the
     * default). Every call works the same on both; several processes may open one PostgreSQL store at once.
     *
     * @param postgres the database, or {@code null} for the H2 file in {@link #dataDir}
     * @return this builder
     */
    public WorldStoreBuilder postgres(PostgresDatabase postgres) {
        this.postgres = postgres;
        return this;
    }

    /**
     * Sets the most JDBC connections in each of the store's two pools, one for calls that write and one for
     * reads; default 8. Three more serve shared commits and the admin's work.
     *
     * @param maxPoolSize 1 to 64
     * @return this builder
     */
    public WorldStoreBuilder maxPoolSize(int maxPoolSize) {
        this.maxPoolSize = maxPoolSize;
        return this;
    }

    /**
     * Sets how long a writer waits for another writer of the same world before it fails with
     * {@link ConcurrentUpdateException}; default 10 s. Also how long an open with {@link #attachIfHeld} waits
     * for a holder that is still opening the store, and how long this store's close waits for the processes
     * attached to it to finish.
     *
     * @param lockTimeout positive and below 24 days
     * @return this builder
     */
    public WorldStoreBuilder lockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
        return this;
    }

    /**
     * Sets what a committed write survives; default {@link Durability#PROCESS_CRASH}.
     *
     * @param durability the level
     * @return this builder
     */
    public WorldStoreBuilder durability(Durability durability) {
        this.durability = durability;
        return this;
    }

    /**
     * Sets where whole-store backups go; default {@code <dataDir>/backups}.
     *
     * @param backupDir the folder, or {@code null} for the default; must differ from the data and
     *                  snapshot folders
     * @return this builder
     */
    public WorldStoreBuilder backupDir(Path backupDir) {
        this.backupDir = backupDir;
        return this;
    }

    /**
     * Sets where per-world snapshots go; default {@code <dataDir>/snapshots}.
     *
     * @param snapshotDir the folder, or {@code null} for the default; must differ from the data and backup
     *                    folders
     * @return this builder
     */
    public WorldStoreBuilder snapshotDir(Path snapshotDir) {
        this.snapshotDir = snapshotDir;
        return this;
    }

    /**
     * Sets how per-world snapshots are kept, the ones the store takes before a destructive step included; default
     * {@link SnapshotForm#FOLDER}. Restoring reads either form, whatever this says now.
     *
     * @param snapshotForm a folder, or a world archive ({@code <world>.zip}); {@code null} for the default
     * @return this builder
     */
    public WorldStoreBuilder snapshotForm(SnapshotForm snapshotForm) {
        this.snapshotForm = snapshotForm;
        return this;
    }

    /**
     * Sets which backups and snapshots are kept; default {@link Retention#DEFAULT}.
     *
     * @param retention the rule, applied after each backup or snapshot
     * @return this builder
     */
    public WorldStoreBuilder retention(Retention retention) {
        this.retention = retention;
        return this;
    }

    /**
     * Sets whether {@code open} runs the quick verification and refuses a store that fails it; default no.
     *
     * @param verifyOnOpen {@code true} to verify on open
     * @return this builder
     */
    public WorldStoreBuilder verifyOnOpen(boolean verifyOnOpen) {
        this.verifyOnOpen = verifyOnOpen;
        return this;
    }

    /**
     * Sets whether {@code open} makes a new store where there is none, rather than failing with
     * {@link StoreUnavailableException}; default yes. A read-only store is never created.
     *
     * @param createIfMissing {@code true} to create a missing store
     * @return this builder
     */
    public WorldStoreBuilder createIfMissing(boolean createIfMissing) {
        this.createIfMissing = createIfMissing;
        return this;
    }

    /**
     * Opens the store read-only; implies that no store is created. Its connections then belong to a
     * database user that may only {@code SELECT}, and every write fails with
     * {@link StoreUnavailableException}.
     *
     * @param readOnly {@code true} to open read-only; {@code true} also turns {@link #createIfMissing}
     *                 off, and {@code false} does not turn it back on
     * @return this builder
     */
    public WorldStoreBuilder readOnly(boolean readOnly) {
        this.readOnly = readOnly;
        if (readOnly) {
            this.createIfMissing = false;
        }
        return this;
    }

    /**
     * Sets whether the process that holds the store lets other processes of the data folder's owner look
     * inside it while it is open ({@link WorldStore#inspection()}); default yes.
     *
     * @param serveInspection {@code true} to serve inspection from the open
     * @return this builder
     */
    public WorldStoreBuilder serveInspection(boolean serveInspection) {
        this.serveInspection = serveInspection;
        return this;
    }

    /**
     * Sets whether {@code open}, finding the store held by another process that serves inspection,
     * reaches it through that process instead of failing with {@link StoreLockedException}; default no.
     * What the CLI does to look at the store of a running application. A holder that is still opening the
     * store is waited for, up to the {@link #lockTimeout}; one that lets the store go meanwhile leaves it to
     * this process to open.
     *
     * @param attachIfHeld {@code true} to attach to a held store
     * @return this builder
     */
    public WorldStoreBuilder attachIfHeld(boolean attachIfHeld) {
        this.attachIfHeld = attachIfHeld;
        return this;
    }

    /**
     * Sets whether {@code open} removes, after a backup, what the store file holds that its migrations
     * did not make (aliases, triggers, linked tables, ...), instead of refusing to open; default no.
     * Such objects run Java code (triggers, aliases) or reach out (linked tables) when the database opens,
     * so a store that has them is refused unless told.
     *
     * @param dropForeignObjects {@code true} to drop foreign objects
     * @return this builder
     */
    public WorldStoreBuilder dropForeignObjects(boolean dropForeignObjects) {
        this.dropForeignObjects = dropForeignObjects;
        return this;
    }

    /**
     * Sets what holds the store, for the messages another process shows ({@code in use by ...}).
     *
     * @param applicationName one line of at most 200 characters, or {@code null} for
     *                        {@code "an application"}
     * @return this builder
     */
    public WorldStoreBuilder applicationName(String applicationName) {
        this.applicationName = applicationName;
        return this;
    }

    /**
     * Sets how sessions autosave ({@link WorldStore#sessions()}); default {@link SessionConfig#DEFAULTS}.
     *
     * @param sessions the session settings
     * @return this builder
     */
    public WorldStoreBuilder sessions(SessionConfig sessions) {
        this.sessions = sessions;
        return this;
    }

    /**
     * Validates the settings and seals them.
     *
     * @return the configuration
     * @throws InvalidInputException when a setting is out of range or contradicts another; the message
     *                               names it
     */
    public StoreConfig build() {
        return new StoreConfig(dataDir, maxPoolSize, lockTimeout, durability, backupDir, snapshotDir, retention,
                verifyOnOpen, createIfMissing && !readOnly, readOnly, serveInspection, attachIfHeld,
                dropForeignObjects, applicationName, sessions, snapshotForm, postgres, cacheSizeMb, backgroundIndexing);
    }

    /**
     * Sets the most heap, in MB, that H2 keeps of the store file's pages; default 16 (H2's own). Reads that find
     * their pages in the cache decode nothing: raise it when large worlds are read at random places and the
     * application's heap has room (the cache fills up to this size as pages are read). Of the H2 file only.
     *
     * @param cacheSizeMb 1 to {@link StoreConfig#MAX_CACHE_SIZE_MB}
     * @return this builder
     */
    public WorldStoreBuilder cacheSizeMb(int cacheSizeMb) {
        this.cacheSizeMb = cacheSizeMb;
        return this;
    }

    /**
     * Sets whether the store indexes new messages for search on a thread of its own as they come; default
     * {@code true}. That thread's work, reading each new message back and adding its words to the index, costs
     * about three quarters of the CPU appending it did: on a machine of few cores a bulk writer (an import of its
     * own, a migration) may turn it off, write, then call {@link WorldStore#updateSearchIndex()} once, as a
     * search engine's bulk load turns off its refreshes. Off, new messages stay pending: a search still finds
     * them, but reads every pending message to do so, and grows slower as they grow. Another process that opens
     * the store with it on indexes them.
     *
     * @param backgroundIndexing {@code false} to index only when {@link WorldStore#updateSearchIndex()} is called
     * @return this builder
     */
    public WorldStoreBuilder backgroundIndexing(boolean backgroundIndexing) {
        this.backgroundIndexing = backgroundIndexing;
        return this;
    }

    /**
     * Builds the configuration and opens the store with it ({@link WorldStore#open}). The caller owns
     * the store and closes it.
     *
     * @return the open store
     * @throws InvalidInputException      when a setting is out of range or contradicts another
     * @throws StoreLockedException       when another process has the store open
     * @throws StoreUnavailableException  when the store cannot be opened
     */
    public WorldStore open() {
        return WorldStore.open(build());
    }
}
