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
import java.util.zip.CRC32;
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
     */
    public record Limits(long maxArchiveBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes,
                         int maxRatio, long ratioFloorBytes) {
        public static final Limits DEFAULT = new Limits(512L * MiB, 10_000, 64L * MiB, 512L * MiB, 100, MiB);
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

    /** The archive's files, in archive order. */
    public static List<Item> read(Path archive, Limits limits) {
        Origin origin = Origin.file(archive);
        List<CentralDirectory.Entry> raw = rawDirectory(archive, origin, limits);
        try (ZipFile zip = new ZipFile(archive.toFile(), ZipFile.OPEN_READ, CentralDirectory.LEGACY_NAMES)) {
            List<ZipEntry> entries = new ArrayList<>(Collections.list(zip.entries()));
            agree(raw, entries, origin);
            checkAll(raw, entries, origin, limits);
            List<Item> items = new ArrayList<>();
            for (ZipEntry e : entries) {
                if (!e.isDirectory()) {
                    items.add(new Item(e.getName(), readEntry(zip, e, origin.entry(e.getName()))));
                }
            }
            return items;
        } catch (FolderFormatException refusal) {
            throw refusal;
        } catch (IOException | RuntimeException e) {
            throw origin.refuse("not a readable ZIP archive, or its central directory is damaged (" + e + ")", e);
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
    private static void checkAll(List<CentralDirectory.Entry> raw, List<ZipEntry> entries, Origin origin, Limits limits) {
        long total = 0;
        for (int i = 0; i < entries.size(); i++) {
            ZipEntry e = entries.get(i);
            Origin at = origin.entry(e.getName());
            String problem = ZipEntryNames.problem(e.getName());
            if (problem != null) {
                throw at.refuse("the entry name " + problem);
            }
            checkType(raw.get(i), e, at);
            total += checkSizes(e, at, limits);
            if (total > limits.maxTotalBytes()) {
                throw at.refuse("the entries hold more than " + limits.maxTotalBytes() + " uncompressed bytes in total");
            }
        }
        checkClashes(entries, origin);
    }

    /**
     * No two entries may name one file, exactly or ignoring case (CardShark runs on Windows, where they would
     * overwrite each other), and no file may also be a directory.
     */
    private static void checkClashes(List<ZipEntry> entries, Origin origin) {
        Map<String, String> byFolded = new HashMap<>();
        Map<String, String> directories = new HashMap<>(); // folded directory path -> an entry inside it
        for (ZipEntry e : entries) {
            String folded = ZipEntryNames.folded(e.getName());
            String earlier = byFolded.putIfAbsent(folded, e.getName());
            if (earlier != null) {
                throw origin.entry(e.getName()).refuse(earlier.equals(e.getName()) ? "the name appears twice in the archive"
                        : "the name differs only in case from entry " + earlier);
            }
            recordDirectories(e.getName(), folded, directories);
        }
        for (ZipEntry e : entries) {
            String inside = directories.get(ZipEntryNames.folded(e.getName()));
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

    /** Reads at most declared size + 1 bytes; the bytes read must be exactly the declared size and match the CRC. */
    private static byte[] readEntry(ZipFile zip, ZipEntry e, Origin at) {
        long declared = e.getSize();
        byte[] bytes;
        try (InputStream in = zip.getInputStream(e)) {
            bytes = in.readNBytes((int) declared + 1);
        } catch (IOException | RuntimeException x) {
            throw at.refuse("the entry's data cannot be read: damaged or cut short (" + x + ")", x);
        }
        if (bytes.length > declared) {
            throw at.refuse("the data is longer than the declared size of " + declared + " bytes");
        }
        if (bytes.length < declared) {
            throw at.refuse("the data holds only " + bytes.length + " of the declared " + declared
                    + " bytes: damaged or cut short");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (e.getCrc() != -1 && crc.getValue() != e.getCrc()) {
            throw at.refuse(String.format("CRC-32 mismatch (declared %08x, data %08x)", e.getCrc(), crc.getValue()));
        }
        return bytes;
    }
}
