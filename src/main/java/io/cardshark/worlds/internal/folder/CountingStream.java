package io.cardshark.worlds.internal.folder;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Reports how many bytes pass through, for the import report's byte counts and progress. */
final class CountingStream extends FilterInputStream {

    private final LongConsumer onRead;

    CountingStream(InputStream in, LongConsumer onRead) {
        super(in);
        this.onRead = onRead;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            onRead.accept(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            onRead.accept(n);
        }
        return n;
    }
}
