package io.cardshark.worlds.backup;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One snapshot of one world.
 *
 * @param worldId the world it holds
 * @param name    the snapshot's folder name, {@code <UTC time>-<reason>}, which
 *                {@link Snapshots#restore(String, String)} takes
 * @param takenAt when it was taken, as its name records it
 * @param reason  why it was taken: {@code manual}, {@code delete}, or {@code replace} (before an import with
 *                replace, or a restore from a snapshot, replaced the world)
 * @param folder  the world folder itself, in the CardShark layout (importable like any other)
 */
public record SnapshotInfo(String worldId, String name, Instant takenAt, String reason, Path folder) {
}
