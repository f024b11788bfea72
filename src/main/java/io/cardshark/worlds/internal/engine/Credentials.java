package io.cardshark.worlds.internal.engine;

import io.cardshark.worlds.StoreUnavailableException;
import io.cardshark.worlds.internal.fs.OwnerOnly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The passwords of the store's three database users, kept in {@code worlds.credentials} beside the
 * database file, owner-only from its creation.
 *
 * <ul>
 * <li>{@code admin} ({@value #ADMIN}): opens the database, migrates it, takes backups and syncs it to disk.
 *     Nothing a person types runs as this user.</li>
 * <li>{@code writer} ({@value #WRITER}): every call of the API and {@code sql --write}; it may read and
 *     change rows, never create aliases, triggers, linked tables or users.</li>
 * <li>{@code inspector} ({@value #INSPECTOR}): read-only sessions; it may only {@code SELECT}.</li>
 * </ul>
 *
 * <p>The passwords are random hex digits made here, so nothing in one can end an SQL literal, and they
 * never appear in a message or a log. A process attaching to a live store reads them from this file,
 * which is how the owner of the data folder, and only they, can look inside a store another process holds.
 *
 * @param admin     the password of {@value #ADMIN}
 * @param writer    the password of {@value #WRITER}
 * @param inspector the password of {@value #INSPECTOR}
 */
public record Credentials(String admin, String writer, String inspector) {

    public static final String ADMIN = "SA";
    public static final String WRITER = "WRITER";
    public static final String INSPECTOR = "INSPECTOR";

    private static final String ADMIN_KEY = "admin.password";
    private static final String WRITER_KEY = "writer.password";
    private static final String INSPECTOR_KEY = "inspector.password";

    /** Three new random passwords. */
    static Credentials fresh() {
        return new Credentials(RandomIds.hex(32), RandomIds.hex(32), RandomIds.hex(32));
    }

    /** Stores created before the writer and inspector had lasting passwords keep their admin password. */
    Credentials withAdmin(String adminPassword) {
        return new Credentials(adminPassword, writer, inspector);
    }

    /** The credentials of the store in {@code dataDir}, or {@code null} when it has no credentials file. */
    public static Credentials read(Path dataDir) throws IOException {
        Path file = StoreFiles.credentials(dataDir);
        if (!Files.exists(file)) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                String value = line.substring(eq + 1).strip();
                if (value.matches("[0-9a-f]{16,}")) {
                    values.put(line.substring(0, eq).strip(), value);
                }
            }
        }
        String admin = values.get(ADMIN_KEY);
        if (admin == null) {
            throw new StoreUnavailableException(null, file + " holds no admin password line (" + ADMIN_KEY
                    + "=hex digits); put back the file that was copied with this store's " + StoreFiles.DATABASE);
        }
        // A file from before the writer and inspector had passwords of their own: they get them now.
        Credentials fresh = fresh();
        return new Credentials(admin, values.getOrDefault(WRITER_KEY, fresh.writer),
                values.getOrDefault(INSPECTOR_KEY, fresh.inspector));
    }

    /** Whether the file in {@code dataDir} lacks any of the three lines, so that {@link #write} should run. */
    static boolean incomplete(Path dataDir) throws IOException {
        String text = Files.readString(StoreFiles.credentials(dataDir), StandardCharsets.UTF_8);
        return !text.contains(WRITER_KEY + "=") || !text.contains(INSPECTOR_KEY + "=");
    }

    /** Writes the file whole or not at all, owner-only from birth. */
    void write(Path dataDir) throws IOException {
        String content = "# The passwords of this store's database users. Keep this file with " + StoreFiles.DATABASE
                + "; only its owner may read it.\n"
                + ADMIN_KEY + "=" + admin + "\n"
                + WRITER_KEY + "=" + writer + "\n"
                + INSPECTOR_KEY + "=" + inspector + "\n";
        OwnerOnly.writeAtomically(StoreFiles.credentials(dataDir), content.getBytes(StandardCharsets.UTF_8));
    }

    /** Never the passwords: this record is printed by accident sooner or later. */
    @Override
    public String toString() {
        return "Credentials[admin=***, writer=***, inspector=***]";
    }
}
