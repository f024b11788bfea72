package io.cardshark.worlds.internal.forms;

import java.util.Arrays;

/**
 * A file of a converted world: its path relative to the world folder ({@code /}-separated, every segment safe)
 * and its exact bytes. The array is copied in and out, so the value stays immutable.
 */
public record ConvertedFile(String path, byte[] bytes) {

    public ConvertedFile {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConvertedFile f && f.path.equals(path) && Arrays.equals(f.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "ConvertedFile[" + path + ", " + bytes.length + " bytes]";
    }
}
