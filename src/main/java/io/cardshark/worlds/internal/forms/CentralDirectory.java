package io.cardshark.worlds.internal.forms;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw records of a ZIP central directory, read for what {@link java.util.zip.ZipFile} does not expose: the
 * host system and external attributes of each entry (a Unix symbolic link is only visible there) and the
 * general-purpose flags. It is also a second, independent reading of the directory: {@link SafeZip} refuses an
 * archive on which this reading and {@code ZipFile}'s disagree.
 *
 * <p>Bounded: the end record is searched for in the last 64 KiB + 22 bytes only, the entry count is checked
 * against the limit before the directory is read, and the directory must lie inside the file.
 */
final class CentralDirectory {

    static final Charset LEGACY_NAMES = Charset.forName("IBM437");

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int HEADER = 0x02014b50;
    private static final int EOCD_SIZE = 22;
    private static final int HOST_UNIX = 3;

    /** One central directory record. */
    record Entry(int index, String name, int madeBy, int flags, long externalAttributes) {

        /** The Unix file type bits ({@code S_IFMT}), or 0 when the entry was not made on Unix. */
        int unixFileType() {
            return (madeBy >>> 8) == HOST_UNIX ? (int) (externalAttributes >>> 16) & 0170000 : 0;
        }

        boolean encrypted() {
            return (flags & 1) != 0;
        }
    }

    private CentralDirectory() {
    }

    static List<Entry> read(FileChannel channel, Origin origin, int maxEntries) throws IOException {
        long size = channel.size();
        int tailLength = (int) Math.min(size, EOCD_SIZE + 0xFFFF);
        ByteBuffer tail = readAt(channel, size - tailLength, tailLength);
        int end = findEnd(tail);
        if (end < 0) {
            throw origin.refuse("no end-of-central-directory record: not a ZIP archive, or cut short");
        }
        long endOffset = size - tailLength + end;
        long count = tail.getShort(end + 10) & 0xFFFFL;
        long dirSize = tail.getInt(end + 12) & 0xFFFFFFFFL;
        long dirOffset = tail.getInt(end + 16) & 0xFFFFFFFFL;
        if (count == 0xFFFF || dirSize == 0xFFFFFFFFL || dirOffset == 0xFFFFFFFFL) {
            ByteBuffer zip64 = zip64End(channel, endOffset, origin);
            count = zip64.getLong(32);
            dirSize = zip64.getLong(40);
            dirOffset = zip64.getLong(48);
        }
        if (count < 0 || count > maxEntries) {
            throw origin.refuse("the archive lists " + Long.toUnsignedString(count) + " entries; the limit is " + maxEntries);
        }
        if (dirOffset < 0 || dirSize < 0 || dirOffset + dirSize > endOffset || dirSize > count * (46L + 3 * 0xFFFF)) {
            throw origin.refuse("the central directory (offset " + dirOffset + ", " + dirSize
                    + " bytes) does not lie inside the file before its end record: damaged or cut short");
        }
        return records(readAt(channel, dirOffset, (int) dirSize), (int) count, origin);
    }

    private static List<Entry> records(ByteBuffer dir, int count, Origin origin) {
        List<Entry> entries = new ArrayList<>(count);
        int pos = 0;
        for (int i = 0; i < count; i++) {
            if (dir.limit() - pos < 46 || dir.getInt(pos) != HEADER) {
                throw origin.refuse("central directory record " + i + " at directory offset " + pos + " is damaged");
            }
            int madeBy = dir.getShort(pos + 4) & 0xFFFF;
            int flags = dir.getShort(pos + 8) & 0xFFFF;
            int nameLength = dir.getShort(pos + 28) & 0xFFFF;
            int extraLength = dir.getShort(pos + 30) & 0xFFFF;
            int commentLength = dir.getShort(pos + 32) & 0xFFFF;
            long external = dir.getInt(pos + 38) & 0xFFFFFFFFL;
            int next = pos + 46 + nameLength + extraLength + commentLength;
            if (next > dir.limit()) {
                throw origin.refuse("central directory record " + i + " runs past the directory's end");
            }
            byte[] raw = new byte[nameLength];
            dir.get(pos + 46, raw);
            String name = new String(raw, (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : LEGACY_NAMES);
            entries.add(new Entry(i, name, madeBy, flags, external));
            pos = next;
        }
        return entries;
    }

    /** The last end record whose comment fits in the file, or -1. */
    private static int findEnd(ByteBuffer tail) {
        for (int i = tail.limit() - EOCD_SIZE; i >= 0; i--) {
            if (tail.getInt(i) == EOCD && i + EOCD_SIZE + (tail.getShort(i + 20) & 0xFFFF) <= tail.limit()) {
                return i;
            }
        }
        return -1;
    }

    private static ByteBuffer zip64End(FileChannel channel, long endOffset, Origin origin) throws IOException {
        if (endOffset < 20) {
            throw origin.refuse("ZIP64 end-of-central-directory locator missing");
        }
        ByteBuffer locator = readAt(channel, endOffset - 20, 20);
        long at = locator.getLong(8);
        if (locator.getInt(0) != ZIP64_LOCATOR || at < 0 || at + 56 > endOffset) {
            throw origin.refuse("ZIP64 end-of-central-directory locator missing or damaged");
        }
        ByteBuffer record = readAt(channel, at, 56);
        if (record.getInt(0) != ZIP64_EOCD) {
            throw origin.refuse("ZIP64 end-of-central-directory record damaged");
        }
        return record;
    }

    private static ByteBuffer readAt(FileChannel channel, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("unexpected end of file at offset " + (offset + buffer.position()));
            }
        }
        return buffer.flip();
    }
}
