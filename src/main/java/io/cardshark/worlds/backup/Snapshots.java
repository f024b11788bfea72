package io.cardshark.worlds.backup;

import java.util.List;

/**
 * Per-world snapshots: one world, exported whole in the CardShark folder layout, so restoring it rolls
 * back that world and nothing else. The store takes one before every destructive step (deleting a world,
 * replacing it by import, restoring a snapshot over it); a deleted world stays restorable until its
 * snapshots are pruned. Reach it through {@code WorldStore.snapshots()}.
 */
public interface Snapshots {

    /** Snapshots {@code worldId} now. */
    SnapshotInfo take(String worldId);

    /** Every snapshot of every world, including deleted ones, newest first. */
    List<SnapshotInfo> list();

    /** The snapshots of {@code worldId}, newest first. */
    List<SnapshotInfo> list(String worldId);

    /** Restores {@code worldId} from its newest snapshot. */
    SnapshotInfo restore(String worldId);

    /**
     * Restores {@code worldId} to the snapshot called {@code name}, in one transaction; the world as it is
     * now is snapshotted first. Other worlds are not touched.
     */
    SnapshotInfo restore(String worldId, String name);
}
