package io.cardshark.worlds.backup;

/**
 * One thing verification found.
 *
 * @param worldId the world it concerns, or {@code null} for the store as a whole
 * @param check   which check found it, e.g. {@code message-sequence}
 * @param detail  what is wrong and where
 */
public record Finding(String worldId, String check, String detail) {

    @Override
    public String toString() {
        return (worldId == null ? "" : "world " + worldId + ": ") + check + ": " + detail;
    }
}
