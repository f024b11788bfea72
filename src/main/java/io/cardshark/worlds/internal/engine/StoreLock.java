package io.cardshark.worlds.internal.engine;

import io.cardshark.worlds.StoreLockedException;
import io.cardshark.worlds.internal.fs.OwnerOnly;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The right to open a store, held for as long as it is open: a lock on {@code worlds.lock} against other
 * processes, and a registry against a second opener in this JVM (the operating system's lock belongs to
 * the process, so it cannot tell two threads apart).
 *
 * <p>Taken before anything else: creating a store (credentials file, database file, schema) is one step
 * that a second opener never sees half done, and a process that finds the store in use learns it without
 * touching H2, so its attempt leaves nothing in the store's files.
 */
final class StoreLock implements AutoCloseable {

    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of the store in {@code dataDir}, which must exist; {@code null} when another process
     * holds it.
     *
     * @throws StoreLockedException when this JVM has the store open already
     */
    static StoreLock tryAcquire(Path dataDir) throws IOException {
        Path key = dataDir.toRealPath();
        if (!HELD_IN_THIS_JVM.add(key)) {
            throw new StoreLockedException(null, "store at " + dataDir + " is already open in this JVM; share that "
                    + "WorldStore instance instead of opening a second one");
        }
        FileChannel channel = null;
        try {
            channel = openLockFile(StoreFiles.lock(key));
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                HELD_IN_THIS_JVM.remove(key);
                return null;
            }
            return new StoreLock(key, channel, lock);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            HELD_IN_THIS_JVM.remove(key);
            throw e;
        }
    }

    private static FileChannel openLockFile(Path file) throws IOException {
        try {
            OwnerOnly.createFile(file);
        } catch (FileAlreadyExistsException exists) {
            // The usual case: the lock file outlives every process that held it.
        }
        return FileChannel.open(file, StandardOpenOption.WRITE);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            HELD_IN_THIS_JVM.remove(key);
        }
    }
}
