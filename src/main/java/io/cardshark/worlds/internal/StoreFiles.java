package io.cardshark.worlds.internal;

import java.nio.file.Path;

/** The files a store keeps in its data folder. */
public final class StoreFiles {

    /** H2's database file; H2 is given the name without {@code .mv.db}. */
    public static final String DATABASE_FILE_NAME = H2Urls.DATABASE_NAME + ".mv.db";
    public static final String CREDENTIALS_FILE_NAME = AdminCredentials.FILE_NAME;

    private StoreFiles() {
    }

    public static Path databaseFile(Path dataDir) {
        return dataDir.resolve(DATABASE_FILE_NAME);
    }

    public static Path credentialsFile(Path dataDir) {
        return dataDir.resolve(CREDENTIALS_FILE_NAME);
    }
}
