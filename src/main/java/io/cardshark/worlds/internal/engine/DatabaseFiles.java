package io.cardshark.worlds.internal.engine;

import io.cardshark.worlds.internal.fs.FileSync;
import io.cardshark.worlds.internal.fs.OwnerOnly;
import org.h2.store.fs.FileUtils;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The database file itself, reached through H2's file system layer rather than {@code java.nio}, so that
 * the same code runs on the plain disk and on a file system a test put under H2 (the power-cut tests'
 * disk, which the operating system never sees). A database is named by its path without {@code .mv.db}.
 */
final class DatabaseFiles {

    private DatabaseFiles() {
    }

    static String file(Path database) {
        return H2Urls.databaseFile(database);
    }

    /** Whether the database has a file with anything in it (an empty one is what a new store starts as). */
    static boolean holdsData(Path database) {
        String file = file(database);
        return FileUtils.exists(file) && FileUtils.size(file) > 0;
    }

    /** An empty database file, owner-only from birth on a disk that has modes. */
    static void createEmpty(Path database) throws IOException {
        String file = file(database);
        if (file.startsWith("/") || file.matches("[A-Za-z]:.*")) {
            OwnerOnly.createFile(Path.of(file));
        } else {
            FileUtils.createFile(file);
        }
    }

    static void deleteIfExists(Path database) {
        String file = file(database);
        if (FileUtils.exists(file)) {
            FileUtils.delete(file);
        }
    }

    /** Renames one database file over another in one step, and makes the rename durable. */
    static void moveInto(Path from, Path to) throws IOException {
        FileUtils.move(file(from), file(to));
        FileSync.directory(to.toAbsolutePath().getParent());
    }
}
