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
 * @param folder  the world folder itself, in the CardShark layout (importable like any other); or, for a snapshot
 *                kept as an archive ({@link io.cardshark.worlds.SnapshotForm#ARCHIVE}), the world archive
 *                {@code <world>.zip} holding that folder
 */
public record SnapshotInfo(String worldId, String name, Instant takenAt, String reason, Path folder) {

    /**
     * Whether the snapshot is kept as a world archive rather than a folder.
     *
     * @return {@code true} when {@link #folder()} is a {@code .zip} file
     */
    public boolean isArchive() {
        return folder.getFileName().toString().endsWith(".zip");
    }
}
