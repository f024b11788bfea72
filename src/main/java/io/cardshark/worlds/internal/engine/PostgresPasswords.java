package io.cardshark.worlds.internal.engine;

import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.PostgresDatabase;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where the password of a PostgreSQL store comes from, as libpq's tools take it: a password file named in the
 * configuration, else {@code PGPASSWORD}, else none here, and the driver looks in {@code PGPASSFILE} or
 * {@code ~/.pgpass}. A password is never put in a URL, a message or a log.
 */
final class PostgresPasswords {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PostgresPasswords() {
    }

    /** The password for {@code db}, or {@code null} when the driver is to find it (or the server needs none). */
    static String resolve(PostgresDatabase db) {
        if (db.passwordFile() != null) {
            return read(db.passwordFile());
        }
        String fromEnvironment = System.getenv("PGPASSWORD");
        return fromEnvironment == null || fromEnvironment.isEmpty() ? null : fromEnvironment;
    }

    /**
     * The first line of {@code file}. A file others may read is refused, as libpq ignores such a
     * {@code .pgpass}: a secret that others can read is no longer one.
     */
    private static String read(Path file) {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (permissions.stream().anyMatch(OTHERS::contains)) {
                    throw new InvalidInputException(null, "password file " + file + " may be read or changed by "
                            + "others; make it its owner's only (chmod 600) and change the password");
                }
            }
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line = in.readLine();
                if (line == null || line.isEmpty()) {
                    throw new InvalidInputException(null, "password file " + file + " is empty");
                }
                return line;
            }
        } catch (IOException e) {
            throw new InvalidInputException(null, "password file " + file + " cannot be read: " + e.getMessage());
        }
    }
}
