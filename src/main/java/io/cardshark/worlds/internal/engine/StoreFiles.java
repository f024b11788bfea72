package io.cardshark.worlds.internal.engine;

import java.nio.file.Path;

/**
 * The files a store keeps in its data folder. Every one but the database is small, and every one that
 * holds a secret ({@link #CREDENTIALS}, {@link #INSPECTION}) is owner-only from its creation.
 */
public final class StoreFiles {

    /** The name H2 is given; it adds {@code .mv.db}. */
    static final String DATABASE_NAME = "worlds";
    /** H2's single database file. */
    public static final String DATABASE = DATABASE_NAME + ".mv.db";
    /** The passwords of the store's database users ({@link Credentials}). */
    public static final String CREDENTIALS = "worlds.credentials";
    /** Held locked by the process that has the store open ({@link StoreLock}); never deleted. */
    public static final String LOCK = "worlds.lock";
    /** Where the process holding the store serves live inspection ({@link InspectionAddress}), while it does. */
    public static final String INSPECTION = "worlds.inspect";

    private StoreFiles() {
    }

    public static Path database(Path dataDir) {
        return dataDir.resolve(DATABASE);
    }

    public static Path credentials(Path dataDir) {
        return dataDir.resolve(CREDENTIALS);
    }

    static Path lock(Path dataDir) {
        return dataDir.resolve(LOCK);
    }

    static Path inspection(Path dataDir) {
        return dataDir.resolve(INSPECTION);
    }
}
