package io.cardshark.worlds.internal.engine;

import io.cardshark.worlds.internal.fs.OwnerOnly;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the process holding a store serves live inspection, written to {@code worlds.inspect} in the data
 * folder, owner-only, while it does. It names the loopback port and the key that the inspection server maps
 * to the database; the database users' passwords stay in {@code worlds.credentials}. Both files are needed
 * to get in, and only the data folder's owner can read them.
 *
 * <p>The holder writes the file in three states: <em>opening</em> right after it takes the store's lock (so
 * that another process waits for it instead of refusing, while it migrates or checks the store), then
 * <em>serving</em> or <em>not serving</em> with the reason. It removes the file as it closes the store.
 *
 * @param pid         the holding process
 * @param port        the loopback port of its inspection server, or 0 when it does not serve
 * @param key         the name the server maps to the store's database (random), or empty
 * @param holder      what holds the store, for messages ("cardshark-worlds import", "an application")
 * @param unavailable why the holder does not serve, or empty
 * @param opening     whether the holder is still opening the store, and will say later whether it serves
 */
record InspectionAddress(long pid, int port, String key, String holder, String unavailable, boolean opening) {

    static InspectionAddress opening(String holder) {
        return new InspectionAddress(ProcessHandle.current().pid(), 0, "", holder, "", true);
    }

    static InspectionAddress serving(int port, String key, String holder) {
        return new InspectionAddress(ProcessHandle.current().pid(), port, key, holder, "", false);
    }

    static InspectionAddress notServing(String holder, String reason) {
        return new InspectionAddress(ProcessHandle.current().pid(), 0, "", holder, reason, false);
    }

    boolean isServing() {
        return !opening && port > 0 && !key.isEmpty();
    }

    /** Whether the process that wrote the address still runs (a killed one leaves its file behind). */
    boolean holderAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    void write(Path dataDir) throws IOException {
        String content = "# Where the process holding this store serves inspection; owner-only, removed when it stops.\n"
                + "pid=" + pid + "\nport=" + port + "\nkey=" + key + "\nholder=" + oneLine(holder)
                + "\nunavailable=" + oneLine(unavailable) + "\nopening=" + opening + "\n";
        OwnerOnly.writeAtomically(StoreFiles.inspection(dataDir), content.getBytes(StandardCharsets.UTF_8));
    }

    /** The address in {@code dataDir}, if a readable one is there. */
    static Optional<InspectionAddress> read(Path dataDir) {
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(StoreFiles.inspection(dataDir), StandardCharsets.UTF_8)));
            return Optional.of(new InspectionAddress(Long.parseLong(p.getProperty("pid", "0").strip()),
                    Integer.parseInt(p.getProperty("port", "0").strip()), p.getProperty("key", "").strip(),
                    p.getProperty("holder", "").strip(), p.getProperty("unavailable", "").strip(),
                    Boolean.parseBoolean(p.getProperty("opening", "false").strip())));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            // Half a file from a killed writer, or someone else's text: as good as none.
            return Optional.empty();
        }
    }

    /**
     * Removes the address in {@code dataDir}. Called by the lock's holder only, before it lets the lock go: the
     * file is its own, or a stale one of an earlier holder that was killed.
     */
    static void remove(Path dataDir) throws IOException {
        Files.deleteIfExists(StoreFiles.inspection(dataDir));
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
