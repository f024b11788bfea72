package io.cardshark.worlds.testing;

/** A generated file kept as bytes: an opaque file (format spec §7) or a backup (§8). */
public record GenFile(String path, byte[] bytes) {
    @Override
    public String toString() {
        return path + " (" + bytes.length + " bytes)";
    }
}
