package io.cardshark.worlds.internal.forms;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates a zlib stream (PNG {@code zTXt}/{@code iTXt} text) without ever holding more than a limit: a
 * few kilobytes of compressed zeros can expand to gigabytes, so the output is counted as it is produced.
 */
final class BoundedInflate {

    /** Why a stream could not be inflated within its limit. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private BoundedInflate() {
    }

    /**
     * The inflated bytes of {@code data[off, off+len)}.
     *
     * @throws Failure when the output would exceed {@code maxBytes}, the stream is damaged or ends early
     */
    static byte[] inflate(byte[] data, int off, int len, int maxBytes) throws Failure {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data, off, len);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, Math.max(64, len * 4)));
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new Failure("the compressed text ends early or needs a preset dictionary");
                }
                if ((long) out.size() + n > maxBytes) {
                    throw new Failure("the compressed text inflates to more than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new Failure("the compressed text is not a valid zlib stream (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }
}
