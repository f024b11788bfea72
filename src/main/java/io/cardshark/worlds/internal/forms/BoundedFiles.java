package io.cardshark.worlds.internal.forms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a whole file only when it is within a size cap; a larger file is refused after reading cap + 1 bytes. */
final class BoundedFiles {

    private BoundedFiles() {
    }

    static byte[] read(Path file, long maxBytes, Origin origin) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxBytes) {
                throw origin.refuse("the file is larger than the limit of " + maxBytes + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw origin.refuse("cannot be read (" + e + ")", e);
        }
    }
}
