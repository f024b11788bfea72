package io.cardshark.worlds.internal.forms;

import io.cardshark.worlds.folder.FolderFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a whole ZIP archive into memory, refusing anything a hostile or damaged archive could do to the
 * importer: too many entries, entry names that escape a folder or clash, links, zip bombs, sizes that lie,
 * damaged data, a cut-short file or a broken central directory.
 *
 * <p>{@link ZipFile} reads the central directory and inflates; {@link CentralDirectory} reads the directory a
 * second time for what {@code ZipFile} hides (link bits, flags), and the two readings must agree. Each entry is
 * read through a bounded stream: never more than its declared size plus one byte, so a size that lies is
 * detected without inflating a bomb, and the CRC-32 is checked. Directory entries are checked but not returned.
 */
public final class SafeZip {

    private static final int MiB = 1 << 20;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFLNK = 0120000;

    /**
     * How much an archive may hold.
     *
     * @param maxArchiveBytes the largest archive file opened
     * @param maxEntries      the most entries, directories included
     * @param maxEntryBytes   the largest uncompressed entry
     * @param maxTotalBytes   the most uncompressed bytes over all entries
     * @param maxRatio        the highest uncompressed-to-compressed ratio of an entry above {@code ratioFloorBytes}
     * @param ratioFloorBytes entries up to this size are not ratio-checked (tiny files compress very well)
     * @param maxDepth        the most path segments in an entry name
     */
    public record Limits(long maxArchiveBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes,
                         int maxRatio, long ratioFloorBytes, int maxDepth) {
        /** No CardShark export nests deeper than a few folders; 64 leaves room and still stops a path bomb. */
        public static final int DEFAULT_DEPTH = 64;
        public static final Limits DEFAULT = new Limits(512L * MiB, 10_000, 64L * MiB, 512L * MiB, 100, MiB);

        public Limits(long maxArchiveBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio,
                      long ratioFloorBytes) {
            this(maxArchiveBytes, maxEntries, maxEntryBytes, maxTotalBytes, maxRatio, ratioFloorBytes, DEFAULT_DEPTH);
        }
    }

    /** One file of the archive: its name as stored and its exact bytes. */
    public record Item(String name, byte[] bytes) {
        public Item {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The bytes without a copy, for this package's read-only use. */
        byte[] shared() {
            return bytes;
        }
    }

    private SafeZip() {
    }

    public static List<Item> read(Path archive) {
        return read(archive, Limits.DEFAULT);
    }

    /** The archive's files, in archive order, each whole in memory: for CardShark's exports, which are small. */
    public static List<Item> read(Path archive, Limits limits) {
        try (Checked zip = open(archive, limits, ZipEntryNames::folded)) {
            List<Item> items = new ArrayList<>();
            for (ZipEntry e : zip.entries()) {
                if (!e.isDirectory()) {
                    items.add(new Item(e.getName(), zip.readAll(e)));
                }
            }
            return items;
        }
    }

    /**
     * Opens an archive and checks everything that needs no entry data (names, clashes, types, methods, declared
     * sizes), so an archive refused for any of these is refused before a byte of it is used. Entry data is then
     * read through {@link Checked#stream}, which holds it to its declared size and CRC-32.
     *
     * @param clashKey two entry names with the same key name one file (as the caller will lay them out): the
     *                 archive is refused
     */
    public static Checked open(Path archive, Limits limits, Function<String, String> clashKey) {
        Origin origin = Origin.file(archive);
        List<CentralDirectory.Entry> raw = rawDirectory(archive, origin, limits);
        ZipFile zip = null;
        try {
            zip = new ZipFile(archive.toFile(), ZipFile.OPEN_READ, CentralDirectory.LEGACY_NAMES);
            List<ZipEntry> entries = new ArrayList<>(Collections.list(zip.entries()));
            agree(raw, entries, origin);
            checkAll(raw, entries, origin, limits, clashKey);
            return new Checked(zip, List.copyOf(entries), origin);
        } catch (FolderFormatException refusal) {
            closeQuietly(zip);
            throw refusal;
        } catch (IOException | RuntimeException e) {
            closeQuietly(zip);
            throw origin.refuse("not a readable ZIP archive, or its central directory is damaged (" + e + ")", e);
        }
    }

    private static void closeQuietly(ZipFile zip) {
        if (zip != null) {
            try {
                zip.close();
            } catch (IOException ignored) {
                // the refusal being thrown says more than a failed close
            }
        }
    }

    /** An archive whose directory passed every check; its entries are read one at a time, as streams. */
    public static final class Checked implements AutoCloseable {
        private final ZipFile zip;
        private final List<ZipEntry> entries;
        private final Origin origin;

        private Checked(ZipFile zip, List<ZipEntry> entries, Origin origin) {
            this.zip = zip;
            this.entries = entries;
            this.origin = origin;
        }

        /** Every entry, directories included, in archive order. */
        public List<ZipEntry> entries() {
            return entries;
        }

        public Origin origin() {
            return origin;
        }

        /**
         * The entry's data, never more than its declared size: reading past it, ending before it, or a CRC-32
         * that does not match is refused (a {@link FolderFormatException} naming the archive and the entry).
         */
        public InputStream stream(ZipEntry e) {
            Origin at = origin.entry(e.getName());
            try {
                return new VerifiedEntry(zip.getInputStream(e), e, at);
            } catch (IOException | RuntimeException x) {
                throw at.refuse("the entry's data cannot be read: damaged or cut short (" + x + ")", x);
            }
        }

        byte[] readAll(ZipEntry e) {
            try (InputStream in = stream(e)) {
                return in.readAllBytes();
            } catch (IOException x) {
                throw origin.entry(e.getName()).refuse("the entry's data cannot be read: damaged or cut short (" + x + ")", x);
            }
        }

        @Override
        public void close() {
            closeQuietly(zip);
        }
    }

    private static List<CentralDirectory.Entry> rawDirectory(Path archive, Origin origin, Limits limits) {
        try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.READ)) {
            if (!Files.isRegularFile(archive)) {
                throw origin.refuse("not a regular file");
            }
            if (channel.size() > limits.maxArchiveBytes()) {
                throw origin.refuse("the archive is " + channel.size() + " bytes; the limit is " + limits.maxArchiveBytes());
            }
            return CentralDirectory.read(channel, origin, limits.maxEntries());
        } catch (IOException e) {
            throw origin.refuse("cannot be read (" + e + ")", e);
        }
    }

    /** Both readings of the central directory must list the same names in the same order. */
    private static void agree(List<CentralDirectory.Entry> raw, List<ZipEntry> entries, Origin origin) {
        if (raw.size() != entries.size()) {
            throw origin.refuse("the central directory is inconsistent (" + raw.size() + " records read, "
                    + entries.size() + " entries listed)");
        }
        for (int i = 0; i < raw.size(); i++) {
            if (!raw.get(i).name().equals(entries.get(i).getName())) {
                throw origin.refuse("the central directory is inconsistent at record " + i + " (\"" + raw.get(i).name()
                        + "\" vs \"" + entries.get(i).getName() + "\")");
            }
        }
    }

    /** Every check that needs no entry data: names, clashes, types, methods and declared sizes. */
    private static void checkAll(List<CentralDirectory.Entry> raw, List<ZipEntry> entries, Origin origin, Limits limits,
                                 Function<String, String> clashKey) {
        long total = 0;
        for (int i = 0; i < entries.size(); i++) {
            ZipEntry e = entries.get(i);
            Origin at = origin.entry(e.getName());
            String problem = ZipEntryNames.problem(e.getName());
            if (problem != null) {
                throw at.refuse("the entry name " + problem);
            }
            int depth = ZipEntryNames.depth(e.getName());
            if (depth > limits.maxDepth()) {
                throw at.refuse("the entry name has " + depth + " path segments; the limit is " + limits.maxDepth());
            }
            checkType(raw.get(i), e, at);
            total += checkSizes(e, at, limits);
            if (total > limits.maxTotalBytes()) {
                throw at.refuse("the entries hold more than " + limits.maxTotalBytes() + " uncompressed bytes in total");
            }
        }
        checkClashes(entries, origin, clashKey);
    }

    /**
     * No two entries may name one file, exactly or ignoring case (CardShark runs on Windows, where they would
     * overwrite each other), and no file may also be a directory.
     */
    private static void checkClashes(List<ZipEntry> entries, Origin origin, Function<String, String> clashKey) {
        Map<String, String> byFolded = new HashMap<>();
        Map<String, String> directories = new HashMap<>(); // folded directory path -> an entry inside it
        for (ZipEntry e : entries) {
            String folded = clashKey.apply(e.getName());
            String earlier = byFolded.putIfAbsent(folded, e.getName());
            if (earlier != null) {
                throw origin.entry(e.getName()).refuse(earlier.equals(e.getName()) ? "the name appears twice in the archive"
                        : "the name differs only in " + ZipEntryNames.difference(earlier, e.getName()) + " from entry "
                        + earlier);
            }
            recordDirectories(e.getName(), folded, directories);
        }
        for (ZipEntry e : entries) {
            String inside = directories.get(clashKey.apply(e.getName()));
            if (!e.isDirectory() && inside != null) {
                throw origin.entry(e.getName()).refuse("a file of that name is also a directory (of entry " + inside + ")");
            }
        }
    }

    private static void recordDirectories(String name, String folded, Map<String, String> directories) {
        for (int slash = folded.indexOf('/'); slash >= 0; slash = folded.indexOf('/', slash + 1)) {
            directories.putIfAbsent(folded.substring(0, slash), name);
        }
    }

    private static void checkType(CentralDirectory.Entry raw, ZipEntry e, Origin at) {
        int type = raw.unixFileType();
        if (type == S_IFLNK) {
            throw at.refuse("the entry is a symbolic link (Unix mode " + Long.toOctalString(raw.externalAttributes() >>> 16) + ")");
        }
        if (type != 0 && type != S_IFREG && type != S_IFDIR) {
            throw at.refuse("the entry is not a regular file or directory (Unix mode "
                    + Long.toOctalString(raw.externalAttributes() >>> 16) + ")");
        }
        if (raw.encrypted()) {
            throw at.refuse("the entry is encrypted");
        }
        if (e.getMethod() != ZipEntry.STORED && e.getMethod() != ZipEntry.DEFLATED) {
            throw at.refuse("compression method " + e.getMethod() + " is not supported (only stored and deflated)");
        }
    }

    /** The declared uncompressed size, checked against the limits. */
    private static long checkSizes(ZipEntry e, Origin at, Limits limits) {
        long size = e.getSize();
        long compressed = e.getCompressedSize();
        if (size < 0 || compressed < 0) {
            throw at.refuse("the entry's sizes are not declared in the central directory");
        }
        if (e.isDirectory() && size != 0) {
            throw at.refuse("a directory entry declares " + size + " bytes of data");
        }
        if (size > limits.maxEntryBytes()) {
            throw at.refuse("the entry declares " + size + " uncompressed bytes; the limit is " + limits.maxEntryBytes());
        }
        if (size > limits.ratioFloorBytes() && size > (long) limits.maxRatio() * Math.max(1, compressed)) {
            throw at.refuse("compression ratio " + (size / Math.max(1, compressed)) + ":1 (" + compressed + " bytes to "
                    + size + ") exceeds " + limits.maxRatio() + ":1: a zip bomb?");
        }
        return size;
    }
}
