package io.cardshark.worlds.testing.powercut;

import org.h2.store.fs.FileBaseDefault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;

/**
 * An open file of a {@link PowerCutFileSystem}. Every call goes to the file system, which fails it once the
 * power is cut. MVStore uses {@code read}/{@code write} at a position, {@code size}, {@code truncate},
 * {@code force} and {@code tryLock}; the position-based calls come from {@link FileBaseDefault}.
 *
 * <p>Closing always succeeds, even after a cut: a close is not a sync, so it changes nothing on the disk, and
 * letting it fail would only keep the program from releasing what it holds. {@code tryLock} always grants
 * the lock: the only other user of a test's files is the same JVM, where H2 already keeps one database object
 * per name.
 */
final class PowerCutChannel extends FileBaseDefault {

    private final PowerCutFileSystem fs;
    private final PowerCutFileSystem.Inode inode;
    private final String name;
    private final boolean readOnly;
    /** Opened with mode "rws" or "rwd": every write is synced before it returns. */
    private final boolean syncEachWrite;
    private final int generation;

    PowerCutChannel(PowerCutFileSystem fs, PowerCutFileSystem.Inode inode, String name, boolean readOnly,
                    boolean syncEachWrite, int generation) {
        this.fs = fs;
        this.inode = inode;
        this.name = name;
        this.readOnly = readOnly;
        this.syncEachWrite = syncEachWrite;
        this.generation = generation;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        ensureOpen();
        return fs.read(inode, generation, dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        ensureWritable();
        int written = fs.write(inode, generation, src, position);
        if (syncEachWrite) {
            fs.force(inode, generation);
        }
        return written;
    }

    @Override
    protected void implTruncate(long size) throws IOException {
        ensureWritable();
        fs.truncate(inode, generation, size);
    }

    @Override
    public void force(boolean metaData) throws IOException {
        ensureOpen();
        fs.force(inode, generation);
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return fs.size(inode, generation);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        ensureOpen();
        fs.checkPower(generation);
        return new FileLock(this, position, size, shared) {
            private boolean released;

            @Override
            public boolean isValid() {
                return !released && channel().isOpen();
            }

            @Override
            public void release() {
                released = true;
            }
        };
    }

    @Override
    protected void implCloseChannel() {
        // Nothing to do: see the class comment.
    }

    @Override
    public String toString() {
        return name;
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!isOpen()) {
            throw new ClosedChannelException();
        }
    }

    private void ensureWritable() throws ClosedChannelException {
        ensureOpen();
        if (readOnly) {
            throw new NonWritableChannelException();
        }
    }
}
