package io.cardshark.worlds;

import io.cardshark.worlds.session.SessionConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to open a {@link WorldStore}: immutable, and validated once when {@link Builder#build()} runs, so a
 * wrong setting fails before any file is touched, with a message that names the setting.
 *
 * <pre>{@code
 * try (WorldStore store = WorldStore.configure().dataDir(Path.of("data")).open()) { ... }
 * }</pre>
 *
 * @param dataDir           the folder that holds the store's files
 * @param maxPoolSize       the most JDBC connections the store keeps open (1 to 64)
 * @param lockTimeout       how long a writer waits for another writer of the same world before giving up
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
 */
public record StoreConfig(Path dataDir, int maxPoolSize, Duration lockTimeout, Durability durability,
                          Path backupDir, Path snapshotDir, Retention retention, boolean verifyOnOpen,
                          boolean createIfMissing, boolean readOnly, boolean serveInspection, boolean attachIfHeld,
                          boolean dropForeignObjects, String applicationName, SessionConfig sessions) {

    /** The embedded default: {@code ./data} under the working directory. */
    public static final Path DEFAULT_DATA_DIR = Path.of("data");

    /**
     * Validates the settings and normalises them: the folders are made absolute, a missing backup or snapshot
     * folder becomes its default, a blank application name becomes {@code "an application"}. Use
     * {@link #builder()} rather than calling this with fifteen arguments.
     *
     * @param dataDir            the folder that holds the store's files; must not contain {@code ;}, which H2
     *                           would read as a connection option
     * @param maxPoolSize        the most JDBC connections, 1 to 64
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
        if (dataDir.toString().isEmpty()) {
            throw new InvalidInputException(null, "dataDir is empty; name the store's folder (\".\" for the current one)");
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        backupDir = backupDir == null ? dataDir.resolve("backups") : backupDir.toAbsolutePath().normalize();
        snapshotDir = snapshotDir == null ? dataDir.resolve("snapshots") : snapshotDir.toAbsolutePath().normalize();
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
     * A builder with the defaults: {@code ./data}, 8 connections, 10 s lock timeout,
     * {@link Durability#PROCESS_CRASH}, backups and snapshots inside the data folder, {@link Retention#DEFAULT},
     * no verification on open, a new store made when there is none, read and write, live inspection served,
     * no attaching, foreign objects refused, {@link SessionConfig#DEFAULTS}.
     *
     * @return a new builder holding the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The configuration of the embedded default store.
     *
     * @return the defaults of {@link #builder()}, built
     */
    public static StoreConfig defaults() {
        return builder().build();
    }

    /**
     * A builder holding this configuration's settings, to change some of them.
     *
     * @return a new builder; changing it leaves this configuration as it is
     */
    public Builder toBuilder() {
        return new Builder().dataDir(dataDir).maxPoolSize(maxPoolSize).lockTimeout(lockTimeout).durability(durability)
                .backupDir(backupDir).snapshotDir(snapshotDir).retention(retention).verifyOnOpen(verifyOnOpen)
                .createIfMissing(createIfMissing).readOnly(readOnly).serveInspection(serveInspection)
                .attachIfHeld(attachIfHeld).dropForeignObjects(dropForeignObjects).applicationName(applicationName)
                .sessions(sessions);
    }

    /** Collects settings; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private Path dataDir = DEFAULT_DATA_DIR;
        private int maxPoolSize = 8;
        private Duration lockTimeout = Duration.ofSeconds(10);
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

        Builder() {
        }

        /**
         * Sets the folder that holds the store's files; default {@code ./data}.
         *
         * @param dataDir the folder, made absolute when built; it need not exist yet
         * @return this builder
         */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /**
         * Sets the most JDBC connections the store keeps open; default 8.
         *
         * @param maxPoolSize 1 to 64
         * @return this builder
         */
        public Builder maxPoolSize(int maxPoolSize) {
            this.maxPoolSize = maxPoolSize;
            return this;
        }

        /**
         * Sets how long a writer waits for another writer of the same world before it fails with
         * {@link ConcurrentUpdateException}; default 10 s.
         *
         * @param lockTimeout positive and below 24 days
         * @return this builder
         */
        public Builder lockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
            return this;
        }

        /**
         * Sets what a committed write survives; default {@link Durability#PROCESS_CRASH}.
         *
         * @param durability the level
         * @return this builder
         */
        public Builder durability(Durability durability) {
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
        public Builder backupDir(Path backupDir) {
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
        public Builder snapshotDir(Path snapshotDir) {
            this.snapshotDir = snapshotDir;
            return this;
        }

        /**
         * Sets which backups and snapshots are kept; default {@link Retention#DEFAULT}.
         *
         * @param retention the rule, applied after each backup or snapshot
         * @return this builder
         */
        public Builder retention(Retention retention) {
            this.retention = retention;
            return this;
        }

        /**
         * Sets whether {@code open} runs the quick verification and refuses a store that fails it; default no.
         *
         * @param verifyOnOpen {@code true} to verify on open
         * @return this builder
         */
        public Builder verifyOnOpen(boolean verifyOnOpen) {
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
        public Builder createIfMissing(boolean createIfMissing) {
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
        public Builder readOnly(boolean readOnly) {
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
        public Builder serveInspection(boolean serveInspection) {
            this.serveInspection = serveInspection;
            return this;
        }

        /**
         * Sets whether {@code open}, finding the store held by another process that serves inspection,
         * reaches it through that process instead of failing with {@link StoreLockedException}; default no.
         * What the CLI does to look at the store of a running application.
         *
         * @param attachIfHeld {@code true} to attach to a held store
         * @return this builder
         */
        public Builder attachIfHeld(boolean attachIfHeld) {
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
        public Builder dropForeignObjects(boolean dropForeignObjects) {
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
        public Builder applicationName(String applicationName) {
            this.applicationName = applicationName;
            return this;
        }

        /**
         * Sets how sessions autosave ({@link WorldStore#sessions()}); default {@link SessionConfig#DEFAULTS}.
         *
         * @param sessions the session settings
         * @return this builder
         */
        public Builder sessions(SessionConfig sessions) {
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
                    dropForeignObjects, applicationName, sessions);
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
}
