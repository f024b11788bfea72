package io.cardshark.worlds;

import io.cardshark.worlds.session.SessionConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to open a {@link WorldStore}: immutable, and validated once when it is made
 * ({@link WorldStoreBuilder#build()}), so a wrong setting fails before any file is touched, with a message that
 * names the setting.
 *
 * <pre>{@code
 * try (WorldStore store = WorldStore.configure().dataDir(Path.of("data")).open()) { ... }
 * }</pre>
 *
 * @param dataDir           the folder that holds the store's files
 * @param maxPoolSize       the most JDBC connections in each of the store's pools for calls that write and for
 *                          reads (1 to 64)
 * @param lockTimeout       how long a writer waits for another writer of the same world before giving up; also
 *                          how long an attaching open waits for a holder still opening, and a close for the
 *                          processes attached to this one
 * @param durability        what a committed write survives
 * @param backupDir         where whole-store backups go; {@code <dataDir>/backups} unless set
 * @param snapshotDir       where per-world snapshots go; {@code <dataDir>/snapshots} unless set
 * @param retention         which backups and snapshots are kept
 * @param verifyOnOpen      whether {@code open} runs the quick verification and refuses a store that fails it
 * @param createIfMissing   whether {@code open} makes a new store where there is none (else it fails)
 * @param readOnly          whether the store only reads: its connections belong to a user that may only
 *                          {@code SELECT}, nothing is created or migrated, and every write is refused
 * @param serveInspection   whether the process that holds the store lets other processes of the data
 *                          folder's owner look inside it while it is open ({@link WorldStore#inspection()})
 * @param attachIfHeld      whether {@code open}, finding the store held by another process that serves
 *                          inspection, reaches it through that process instead of failing
 * @param dropForeignObjects whether {@code open} removes, after a backup, what a store file holds that its
 *                          migrations did not make (aliases, triggers, linked tables, ...), instead of refusing it
 * @param applicationName   what holds the store, for messages another process shows ("in use by ...")
 * @param sessions          how sessions autosave ({@link WorldStore#sessions()})
 * @param snapshotForm      how per-world snapshots are kept: a folder (the default) or a world archive
 * @param postgres          the PostgreSQL database that holds the store, or {@code null} for the embedded H2
 *                          file in {@code dataDir} (the default); with it, {@code dataDir} only anchors the
 *                          default backup and snapshot folders, and the store lock, live inspection, attaching
 *                          and foreign-object removal, which are about the H2 file, do not apply
 * @param cacheSizeMb       the most heap, in MB, that H2 keeps of the file's pages (its {@code CACHE_SIZE}); a read
 *                          that finds its pages there decodes nothing. Of the H2 file only: PostgreSQL's cache is
 *                          the server's. A process that attaches to the holder uses the holder's.
 * @param backgroundIndexing whether the store keeps its search index up to date on a thread of its own as
 *                          messages come (the default); without it, new messages stay pending (a search still
 *                          finds them, reading each) until {@link WorldStore#updateSearchIndex()} indexes them
 */
public record StoreConfig(Path dataDir, int maxPoolSize, Duration lockTimeout, Durability durability,
                          Path backupDir, Path snapshotDir, Retention retention, boolean verifyOnOpen,
                          boolean createIfMissing, boolean readOnly, boolean serveInspection, boolean attachIfHeld,
                          boolean dropForeignObjects, String applicationName, SessionConfig sessions,
                          SnapshotForm snapshotForm, PostgresDatabase postgres, int cacheSizeMb,
                          boolean backgroundIndexing) {

    /** The embedded default: {@code ./data} under the working directory. */
    public static final Path DEFAULT_DATA_DIR = Path.of("data");
    /** The most JDBC connections unless set: enough for a game's threads, few enough for a laptop. */
    public static final int DEFAULT_MAX_POOL_SIZE = 8;
    /** How long a writer waits for a world's lock unless set. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);
    /**
     * H2's page cache unless set, in MB: H2's own default, small enough for an application's heap. A world of
     * 100,000 locations read at random places needs more to keep its pages (README, "Reads and the page cache").
     */
    public static final int DEFAULT_CACHE_SIZE_MB = 16;
    /** The largest page cache, in MB: 64 GB, beyond any heap this store is meant for. */
    public static final int MAX_CACHE_SIZE_MB = 65_536;

    /**
     * Validates the settings and normalises them: the folders are made absolute, a missing backup or snapshot
     * folder becomes its default, a blank application name becomes {@code "an application"}. Use
     * {@link WorldStore#configure()} rather than calling this with fifteen arguments.
     *
     * @param dataDir            the folder that holds the store's files; must not contain {@code ;}, which H2
     *                           would read as a connection option
     * @param maxPoolSize        the most JDBC connections of each of the two pools (writes, reads), 1 to 64
     * @param lockTimeout        how long a writer waits for a world's lock, positive and below 24 days
     * @param durability         what a committed write survives
     * @param backupDir          where backups go, or {@code null} for {@code <dataDir>/backups}
     * @param snapshotDir        where snapshots go, or {@code null} for {@code <dataDir>/snapshots}
     * @param retention          which backups and snapshots are kept
     * @param verifyOnOpen       whether {@code open} verifies the store first
     * @param createIfMissing    whether {@code open} makes a store where there is none
     * @param readOnly           whether the store only reads; cannot go with {@code dropForeignObjects} or
     *                           {@link Durability#POWER_LOSS}
     * @param serveInspection    whether other processes may look inside while it is open
     * @param attachIfHeld       whether {@code open} reaches a store held elsewhere through its holder
     * @param dropForeignObjects whether {@code open} removes objects its migrations did not make
     * @param applicationName    what holds the store, one line of at most 200 characters, or {@code null}
     * @param sessions           how sessions autosave
     * @param snapshotForm       how per-world snapshots are kept, or {@code null} for {@link SnapshotForm#FOLDER}
     * @param postgres           the PostgreSQL database of the store, or {@code null} for the H2 file in
     *                           {@code dataDir}
     * @param cacheSizeMb        H2's page cache in MB, 1 to {@link #MAX_CACHE_SIZE_MB}
     * @param backgroundIndexing whether a thread of the store indexes new messages for search as they come
     * @throws InvalidInputException when a setting is out of range, the three folders are not all different,
     *                               or {@code dataDir} exists and is not a folder
     * @throws NullPointerException  when {@code dataDir}, {@code lockTimeout}, {@code durability},
     *                               {@code retention} or {@code sessions} is {@code null}
     */
    public StoreConfig {
        Objects.requireNonNull(dataDir, "dataDir must be set");
        Objects.requireNonNull(lockTimeout, "lockTimeout must be set");
        Objects.requireNonNull(durability, "durability must be set");
        Objects.requireNonNull(retention, "retention must be set");
        Objects.requireNonNull(sessions, "sessions must be set");
        snapshotForm = snapshotForm == null ? SnapshotForm.FOLDER : snapshotForm;
        if (dataDir.toString().isEmpty()) {
            throw new InvalidInputException(null, "dataDir is empty; name the store's folder (\".\" for the current one)");
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        backupDir = backupDir == null ? defaultBackupDir(dataDir) : backupDir.toAbsolutePath().normalize();
        snapshotDir = snapshotDir == null ? defaultSnapshotDir(dataDir) : snapshotDir.toAbsolutePath().normalize();
        if (backupDir.equals(dataDir) || snapshotDir.equals(dataDir) || backupDir.equals(snapshotDir)) {
            throw new InvalidInputException(null, "backupDir, snapshotDir and dataDir must be three different folders, were "
                    + backupDir + ", " + snapshotDir + " and " + dataDir);
        }
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new InvalidInputException(null, "dataDir " + dataDir + " exists and is not a directory");
        }
        // H2 reads ';' in a URL as the start of connection options (INIT=RUNSCRIPT and the like): a data
        // folder must never be able to smuggle one in.
        if (dataDir.toString().indexOf(';') >= 0 || dataDir.toString().indexOf('\0') >= 0) {
            throw new InvalidInputException(null, "dataDir " + dataDir
                    + ": contains ';', which H2 would read as a connection option; choose another folder");
        }
        if (maxPoolSize < 1 || maxPoolSize > 64) {
            throw new InvalidInputException(null, "maxPoolSize must be between 1 and 64, was " + maxPoolSize);
        }
        if (cacheSizeMb < 1 || cacheSizeMb > MAX_CACHE_SIZE_MB) {
            throw new InvalidInputException(null, "cacheSizeMb must be between 1 and " + MAX_CACHE_SIZE_MB + ", was "
                    + cacheSizeMb);
        }
        if (lockTimeout.isNegative() || lockTimeout.isZero() || lockTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new InvalidInputException(null, "lockTimeout must be positive and below 24 days, was " + lockTimeout);
        }
        if (readOnly && (dropForeignObjects || durability == Durability.POWER_LOSS)) {
            throw new InvalidInputException(null, "readOnly cannot go with " + (dropForeignObjects
                    ? "dropForeignObjects, which changes the store" : "durability POWER_LOSS, which is about writes"));
        }
        applicationName = applicationName == null || applicationName.isBlank() ? "an application"
                : applicationName.strip();
        if (applicationName.length() > 200 || applicationName.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(null, "applicationName must be one line of at most 200 characters");
        }
    }

    /**
     * The configuration of the embedded default store, as {@code WorldStore.configure().build()} makes it.
     *
     * @return the defaults, validated
     */
    public static StoreConfig defaults() {
        return new StoreConfig(DEFAULT_DATA_DIR, DEFAULT_MAX_POOL_SIZE, DEFAULT_LOCK_TIMEOUT, Durability.PROCESS_CRASH,
                null, null, Retention.DEFAULT, false, true, false, true, false, false, null, SessionConfig.DEFAULTS,
                SnapshotForm.FOLDER, null, DEFAULT_CACHE_SIZE_MB, true);
    }

    /**
     * Whether the store lives in a PostgreSQL database ({@link #postgres()}) rather than an H2 file.
     *
     * @return {@code true} when {@link #postgres()} is set
     */
    public boolean onPostgres() {
        return postgres != null;
    }

    /**
     * What messages call the store: its data folder, or its PostgreSQL database's URL without parameters
     * (never a password, which no URL of it holds).
     *
     * @return the folder or the URL, as text
     */
    public String location() {
        return postgres != null ? postgres.toString() : dataDir.toString();
    }

    static Path defaultBackupDir(Path dataDir) {
        return dataDir.resolve("backups");
    }

    static Path defaultSnapshotDir(Path dataDir) {
        return dataDir.resolve("snapshots");
    }
}
