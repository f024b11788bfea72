package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.internal.fs.FileSync;
import io.cardshark.worlds.internal.fs.OwnerOnly;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a ZIP archive of folder trees whose bytes depend on the trees alone: entries in code-point order of their
 * paths, each folder's entry before its contents; every time stamp 2000-01-01 00:00, set as a local date-time so
 * that no extended-timestamp field (which would carry the zone) is written; deflate at one fixed level; no
 * comments, no extra fields, no file modes. The same trees thus give the same bytes on every run (for one JDK's
 * zlib, which decides the deflated bytes).
 *
 * <p>Atomic as the store's other files are: everything goes into an owner-only {@code .{name}.{random}.tmp}
 * beside the target, which is forced to disk, renamed over the target, and the folder forced. A failure or a kill
 * before the rename leaves the target as it was; the next archive written to the same name removes such leftovers.
 */
final class ArchiveWriter implements AutoCloseable {

    /**
     * The fixed time of every entry. Not the DOS epoch 1980-01-01 00:00: the JDK takes that value for "before
     * 1980" and adds an extended-timestamp field computed in the local zone, so the bytes would vary by zone.
     */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
    /** zlib's own default: the usual trade of size against time, fixed so the bytes never depend on a setting. */
    static final int LEVEL = 6;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BUFFER = 1 << 16;

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final ZipOutputStream zip;
    private final byte[] buffer = new byte[BUFFER];
    private int entries;
    private boolean committed;

    private ArchiveWriter(Path target, Path temp, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.zip = new ZipOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER));
        zip.setLevel(LEVEL);
        zip.setMethod(ZipOutputStream.DEFLATED);
    }

    /** Starts an archive that will replace {@code target}, after removing what earlier killed writers left. */
    static ArchiveWriter begin(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        OwnerOnly.createDirectories(parent);
        removeLeftovers(parent, target.getFileName().toString());
        Path temp = scratchName(target, "");
        OwnerOnly.createFile(temp);
        return new ArchiveWriter(target, temp, FileChannel.open(temp, StandardOpenOption.WRITE));
    }

    /** A name beside {@code target} that only this writer uses: {@code .{name}.{12 hex digits}{suffix}.tmp}. */
    static Path scratchName(Path target, String suffix) {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        String name = target.getFileName().toString();
        return target.toAbsolutePath().resolveSibling("." + name + "." + HexFormat.of().formatHex(random) + suffix + ".tmp");
    }

    private static void removeLeftovers(Path parent, String name) throws IOException {
        Pattern leftover = Pattern.compile("\\." + Pattern.quote(name) + "\\.[0-9a-f]{12}(\\.[a-z]+)?\\.tmp");
        try (Stream<Path> siblings = Files.list(parent)) {
            for (Path p : siblings.filter(p -> leftover.matcher(p.getFileName().toString()).matches()).toList()) {
                FileSync.deleteTree(p);
            }
        }
    }

    /** Adds {@code root} and everything under it as {@code prefix/...}; {@code prefix} names the root's entry. */
    void addTree(Path root, String prefix) throws IOException {
        directory(prefix + "/");
        for (Path child : sortedChildren(root)) {
            String name = prefix + "/" + child.getFileName();
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                addTree(child, name);
            } else {
                file(name, child);
            }
        }
    }

    /**
     * The children by name in code-point order ({@code String} order is UTF-16 order, which differs from code
     * points only beyond U+FFFF; code points are what the format's other orders use).
     */
    private static List<Path> sortedChildren(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.sorted(Comparator.comparing(p -> p.getFileName().toString(), CODE_POINT_ORDER)).toList();
        }
    }

    /** Code-point order of strings, the archive's one order for names and world ids. */
    static final Comparator<String> CODE_POINT_ORDER =
            (a, b) -> java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());

    private void directory(String name) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(e);
        zip.closeEntry();
        entries++;
    }

    private void file(String name, Path source) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(e);
        try (InputStream in = Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                zip.write(buffer, 0, n);
            }
        }
        zip.closeEntry();
        entries++;
    }

    int entries() {
        return entries;
    }

    /** Finishes the archive, forces it to disk and renames it over the target; returns its size. */
    long commit() throws IOException {
        zip.finish();
        zip.flush();
        channel.force(true);
        long size = channel.size();
        zip.close();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
        FileSync.directory(target.toAbsolutePath().getParent());
        return size;
    }

    /** Without a commit, the temporary file goes and the target stays as it was. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            try (OutputStream ignored = zip) {
                // closes the stream and the channel
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
