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
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The configuration of the embedded default store. */
    public static StoreConfig defaults() {
        return builder().build();
    }

    /** A builder holding this configuration's settings, to change some of them. */
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

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder maxPoolSize(int maxPoolSize) {
            this.maxPoolSize = maxPoolSize;
            return this;
        }

        public Builder lockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
            return this;
        }

        public Builder durability(Durability durability) {
            this.durability = durability;
            return this;
        }

        public Builder backupDir(Path backupDir) {
            this.backupDir = backupDir;
            return this;
        }

        public Builder snapshotDir(Path snapshotDir) {
            this.snapshotDir = snapshotDir;
            return this;
        }

        public Builder retention(Retention retention) {
            this.retention = retention;
            return this;
        }

        public Builder verifyOnOpen(boolean verifyOnOpen) {
            this.verifyOnOpen = verifyOnOpen;
            return this;
        }

        public Builder createIfMissing(boolean createIfMissing) {
            this.createIfMissing = createIfMissing;
            return this;
        }

        /** Opens the store read-only; implies that no store is created. */
        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            if (readOnly) {
                this.createIfMissing = false;
            }
            return this;
        }

        public Builder serveInspection(boolean serveInspection) {
            this.serveInspection = serveInspection;
            return this;
        }

        public Builder attachIfHeld(boolean attachIfHeld) {
            this.attachIfHeld = attachIfHeld;
            return this;
        }

        public Builder dropForeignObjects(boolean dropForeignObjects) {
            this.dropForeignObjects = dropForeignObjects;
            return this;
        }

        public Builder applicationName(String applicationName) {
            this.applicationName = applicationName;
            return this;
        }

        public Builder sessions(SessionConfig sessions) {
            this.sessions = sessions;
            return this;
        }

        /** Validates the settings and seals them. */
        public StoreConfig build() {
            return new StoreConfig(dataDir, maxPoolSize, lockTimeout, durability, backupDir, snapshotDir, retention,
                    verifyOnOpen, createIfMissing && !readOnly, readOnly, serveInspection, attachIfHeld,
                    dropForeignObjects, applicationName, sessions);
        }

        /** Builds the configuration and opens the store with it. */
        public WorldStore open() {
            return WorldStore.open(build());
        }
    }
}
