package io.cardshark.worlds.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds ZIP archives for the refusal tests with {@link ZipOutputStream}, and patches central-directory fields
 * that {@code ZipOutputStream} cannot set (link bits, lying sizes), so that no binary blob is needed.
 */
public final class TestZips {

    private static final int CEN = 0x02014b50;

    private TestZips() {
    }

    /** A deflated archive of the entries, in map order. */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The offset of the central directory record of {@code name}. */
    public static int centralRecord(byte[] zip, String name) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 <= zip.length; i++) {
            if (b.getInt(i) == CEN && (b.getShort(i + 28) & 0xFFFF) == wanted.length
                    && ByteBuffer.wrap(zip, i + 46, wanted.length).equals(ByteBuffer.wrap(wanted))) {
                return i;
            }
        }
        throw new IllegalArgumentException("no central record for " + name);
    }

    /** Marks {@code name} as made on Unix with the given mode (e.g. {@code 0120777} for a symbolic link). */
    public static byte[] withUnixMode(byte[] zip, String name, int mode) {
        byte[] patched = zip.clone();
        int at = centralRecord(patched, name);
        ByteBuffer b = ByteBuffer.wrap(patched).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(at + 4, (short) ((3 << 8) | 20));
        b.putInt(at + 38, mode << 16);
        return patched;
    }

    /** Declares another uncompressed size for {@code name} in the central directory. */
    public static byte[] withDeclaredSize(byte[] zip, String name, int size) {
        byte[] patched = zip.clone();
        int at = centralRecord(patched, name);
        ByteBuffer.wrap(patched).order(ByteOrder.LITTLE_ENDIAN).putInt(at + 24, size);
        return patched;
    }

    /** Declares another CRC-32 for {@code name} in the central directory, as if its data were damaged. */
    public static byte[] withDeclaredCrc(byte[] zip, String name, int crc) {
        byte[] patched = zip.clone();
        int at = centralRecord(patched, name);
        ByteBuffer.wrap(patched).order(ByteOrder.LITTLE_ENDIAN).putInt(at + 16, crc);
        return patched;
    }

    /** Replaces every occurrence of one name by another of the same length (local and central headers). */
    public static byte[] renamed(byte[] zip, String from, String to) {
        byte[] a = from.getBytes(StandardCharsets.UTF_8);
        byte[] b = to.getBytes(StandardCharsets.UTF_8);
        if (a.length != b.length) {
            throw new IllegalArgumentException("names must have one length");
        }
        byte[] patched = zip.clone();
        for (int i = 0; i + a.length <= patched.length; i++) {
            if (ByteBuffer.wrap(patched, i, a.length).equals(ByteBuffer.wrap(a))) {
                System.arraycopy(b, 0, patched, i, b.length);
            }
        }
        return patched;
    }
}
