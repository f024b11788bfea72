package io.cardshark.worlds.backup;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One snapshot of one world.
 *
 * @param name   the snapshot's folder name, which {@link Snapshots#restore(String, String)} takes
 * @param reason why it was taken: {@code manual}, {@code delete}, {@code replace} or {@code restore}
 * @param folder the world folder itself (importable like any other)
 */
public record SnapshotInfo(String worldId, String name, Instant takenAt, String reason, Path folder) {
}
