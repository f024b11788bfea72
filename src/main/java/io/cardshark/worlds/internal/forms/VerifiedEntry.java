package io.cardshark.worlds.internal.forms;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * An entry's data held to what the central directory declares: a reader never gets more than the declared size
 * (so a size that lies cannot smuggle in a bomb, whatever the ratio check let through), and at the end the count
 * must be exactly that size and the CRC-32 must match. The check runs when the data ends, so an entry read to its
 * end is verified before its last byte is used; a damaged deflate stream surfaces as the same refusal.
 */
final class VerifiedEntry extends FilterInputStream {

    private final ZipEntry entry;
    private final Origin at;
    private final CRC32 crc = new CRC32();
    private long count;
    private boolean verified;

    VerifiedEntry(InputStream in, ZipEntry entry, Origin at) {
        super(in);
        this.entry = entry;
        this.at = at;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        // One byte beyond the declared size is asked for, never more: enough to see that the size lies.
        long room = entry.getSize() + 1 - count;
        int n;
        try {
            n = super.read(b, off, (int) Math.min(len, room));
        } catch (IOException | RuntimeException x) {
            throw at.refuse("the entry's data cannot be read: damaged or cut short (" + x + ")", x);
        }
        if (n < 0) {
            verify();
            return -1;
        }
        count += n;
        if (count > entry.getSize()) {
            throw at.refuse("the data is longer than the declared size of " + entry.getSize() + " bytes");
        }
        crc.update(b, off, n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("entries are read whole, never skipped");
    }

    private void verify() {
        if (verified) {
            return;
        }
        if (count < entry.getSize()) {
            throw at.refuse("the data holds only " + count + " of the declared " + entry.getSize()
                    + " bytes: damaged or cut short");
        }
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw at.refuse(String.format("CRC-32 mismatch (declared %08x, data %08x)", entry.getCrc(), crc.getValue()));
        }
        verified = true;
    }
}
