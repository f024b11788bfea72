package io.cardshark.worlds.internal.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders that only their owner may read, with that mode from the moment they exist: a file
 * created with the process's umask and narrowed afterwards is readable by everyone in between, and a
 * folder created 0755 lets everyone list it. On a file system without POSIX modes (Windows), the
 * folder's own access list is what protects the files, and these calls create them plainly.
 */
public final class OwnerOnly {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {
    }

    /**
     * Creates {@code dir} and any missing parents, each new one owner-only and synced into its parent
     * ({@link FileSync#createDirectories}); folders that already exist keep their mode (they are the user's).
     */
    public static Path createDirectories(Path dir) throws IOException {
        return FileSync.createDirectories(dir, folderAttributes());
    }

    /** Creates a folder that must not exist yet (its parent must), owner-only from birth. */
    public static Path createDirectory(Path dir) throws IOException {
        return Files.createDirectory(dir, folderAttributes());
    }

    /** Creates an empty file that must not exist yet, owner-only from birth. */
    public static Path createFile(Path file) throws IOException {
        return Files.createFile(file, fileAttributes());
    }

    /**
     * Writes {@code content} to {@code file} whole or not at all: into an owner-only temporary sibling, forced
     * to disk, renamed over the name, and the folder forced, so a crash leaves the old file or the new one.
     */
    public static void writeAtomically(Path file, byte[] content) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        createFile(temp);
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            FileSync.directory(file.toAbsolutePath().getParent());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Narrows an existing file to its owner, for files that a library or tool created with the umask. */
    public static void restrict(Path file) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    private static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] folderAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FOLDER)} : new FileAttribute<?>[0];
    }
}
