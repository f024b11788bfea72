package io.cardshark.worlds.internal;

import io.cardshark.worlds.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The password of the database's admin user, kept in {@code worlds.credentials} beside the database
 * file, readable by its owner only.
 *
 * <p>Why the store has one at all: while {@code console} runs, H2's web console serves its login page on
 * the loopback address, and with an empty admin password any local process could log in as admin and run
 * Java code in the store's JVM ({@code CREATE ALIAS}). A reader of the data folder has the data anyway;
 * the password keeps out everyone else. Stores written before the password existed are given one on
 * their next open.
 */
final class AdminCredentials {

    private static final Logger log = LoggerFactory.getLogger(AdminCredentials.class);

    static final String USER = "SA";
    static final String FILE_NAME = "worlds.credentials";
    private static final String KEY = "admin.password=";

    private AdminCredentials() {
    }

    /**
     * The admin password of the store in {@code dataDir}. A new store gets a new one; a store from before
     * the credentials file (admin password empty) gets one now; a store whose file is missing is refused
     * without writing anything, so the right file can still be put back.
     */
    static String load(Path dataDir, String url) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return read(file);
        }
        String password = RandomIds.hex(32);
        if (Files.exists(StoreFiles.databaseFile(dataDir))) {
            if (!replaceEmptyPassword(url, password, dataDir)) {
                throw refused(dataDir);
            }
        } else {
            writeOwnerOnly(file, password);
            log.info("created {} for the new store at {}", FILE_NAME, dataDir);
        }
        return password;
    }

    /**
     * Gives a store whose admin password is empty the password {@code password}, writing the credentials
     * file first: a crash in between leaves the file and an empty password, which the next open mends.
     * Returns false, changing nothing, when the store refuses the empty password.
     */
    static boolean replaceEmptyPassword(String url, String password, Path dataDir) throws IOException {
        try (Connection c = DriverManager.getConnection(url, USER, "");
             Statement st = c.createStatement()) {
            writeOwnerOnly(dataDir.resolve(FILE_NAME), password);
            // The password is hex digits we generated: nothing in it can end the literal.
            st.execute("ALTER USER " + USER + " SET PASSWORD '" + password + "'");
            log.info("the store at {} had no admin password; it now has the one in {}", dataDir, FILE_NAME);
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD) {
                return false;
            }
            throw new StoreUnavailableException(null, "store at " + dataDir + " cannot be opened: "
                    + Failures.firstLine(e.getMessage()), e);
        }
    }

    static StoreUnavailableException refused(Path dataDir) {
        return new StoreUnavailableException(null, "store at " + dataDir + " refused its admin password: "
                + FILE_NAME + " is missing or belongs to another store; put back the " + FILE_NAME
                + " that was copied with this store's worlds.mv.db");
    }

    private static String read(Path file) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith(KEY) && line.length() > KEY.length()) {
                String password = line.substring(KEY.length()).strip();
                if (password.matches("[0-9a-f]+")) {
                    return password;
                }
            }
        }
        throw new StoreUnavailableException(null, file + " holds no admin password line (" + KEY
                + "hex digits); put back the file that was copied with this store");
    }

    /** Written whole or not at all: a temporary file, synced, then renamed over the name. */
    private static void writeOwnerOnly(Path file, String password) throws IOException {
        String content = "# The password of this store's database admin user. Keep this file with worlds.mv.db.\n"
                + KEY + password + "\n";
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp);
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data folder's own ACL is what protects it.
        }
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
