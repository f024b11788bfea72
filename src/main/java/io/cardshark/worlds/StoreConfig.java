package io.cardshark.worlds;

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
 * @param dataDir     the folder that holds the store's files; created when missing
 * @param maxPoolSize the most JDBC connections the store keeps open (1 to 64)
 * @param lockTimeout how long a writer waits for another writer of the same world before giving up
 * @param durability  what a committed write survives
 * @param backupDir   where whole-store backups go; {@code <dataDir>/backups} unless set
 * @param snapshotDir where per-world snapshots go; {@code <dataDir>/snapshots} unless set
 * @param retention   which backups and snapshots are kept
 * @param verifyOnOpen whether {@code open} runs the quick verification and refuses a store that fails it
 */
public record StoreConfig(Path dataDir, int maxPoolSize, Duration lockTimeout, Durability durability,
                          Path backupDir, Path snapshotDir, Retention retention, boolean verifyOnOpen) {

    /** The embedded default: {@code ./data} under the working directory. */
    public static final Path DEFAULT_DATA_DIR = Path.of("data");

    public StoreConfig {
        Objects.requireNonNull(dataDir, "dataDir must be set");
        Objects.requireNonNull(lockTimeout, "lockTimeout must be set");
        Objects.requireNonNull(durability, "durability must be set");
        Objects.requireNonNull(retention, "retention must be set");
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
    }

    /**
     * A builder with the defaults: {@code ./data}, 8 connections, 10 s lock timeout,
     * {@link Durability#PROCESS_CRASH}, backups and snapshots inside the data folder, {@link Retention#DEFAULT},
     * no verification on open.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The configuration of the embedded default store. */
    public static StoreConfig defaults() {
        return builder().build();
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

        /** Validates the settings and seals them. */
        public StoreConfig build() {
            return new StoreConfig(dataDir, maxPoolSize, lockTimeout, durability, backupDir, snapshotDir, retention,
                    verifyOnOpen);
        }

        /** Builds the configuration and opens the store with it. */
        public WorldStore open() {
            return WorldStore.open(build());
        }
    }
}
