package io.cardshark.worlds.backup;

import java.util.List;

/**
 * Per-world snapshots: one world, exported whole in the CardShark folder layout, so restoring it rolls
 * back that world and nothing else. The store takes one before every destructive step (deleting a world,
 * replacing it by import, restoring a snapshot over it); a deleted world stays restorable until its
 * snapshots are pruned. Reach it through {@code WorldStore.snapshots()}.
 *
 * <p>Snapshots live in the store's snapshot folder, {@code <world>/<UTC time>-<reason>/<world>/} (or
 * {@code <world>.zip} there, when kept as archives: {@link io.cardshark.worlds.StoreConfig#snapshotForm()}), and are
 * pruned per world by the store's {@link io.cardshark.worlds.Retention}. A snapshot taken inside a step that
 * then rolls back is discarded, so every listed snapshot shows a state the world really had. A failure to
 * write or list the snapshot folder is a {@link io.cardshark.worlds.WorldStoreException} with
 * {@link io.cardshark.worlds.ErrorCode#IO_FAILURE}.
 */
public interface Snapshots {

    /**
     * Snapshots {@code worldId} now, as one moment of the world: writers carry on meanwhile.
     *
     * @param worldId the world to snapshot
     * @return the new snapshot, with reason {@code manual}
     * @throws io.cardshark.worlds.NotFoundException     when there is no such world
     * @throws io.cardshark.worlds.InvalidInputException when {@code worldId} is not a path-safe name
     */
    SnapshotInfo take(String worldId);

    /**
     * Snapshots {@code worldId} now in the given form, whatever the store's {@code snapshotForm} says.
     *
     * @param worldId the world to snapshot
     * @param form    a folder, or a world archive {@code <world>.zip}
     * @return the new snapshot, with reason {@code manual}
     * @throws io.cardshark.worlds.NotFoundException     when there is no such world
     * @throws io.cardshark.worlds.InvalidInputException when {@code worldId} is not a path-safe name
     */
    SnapshotInfo take(String worldId, io.cardshark.worlds.SnapshotForm form);

    /**
     * Every snapshot of every world, including deleted ones, newest first.
     *
     * @return the snapshots; empty when there are none
     */
    List<SnapshotInfo> list();

    /**
     * The snapshots of {@code worldId}, newest first; a deleted world's too.
     *
     * @param worldId the world whose snapshots to list
     * @return the snapshots; empty when the world has none
     * @throws io.cardshark.worlds.InvalidInputException when {@code worldId} is not a path-safe name
     */
    List<SnapshotInfo> list(String worldId);

    /**
     * Restores {@code worldId} from its newest snapshot, as {@link #restore(String, String)} does.
     *
     * @param worldId the world to restore; it may have been deleted
     * @return the snapshot restored
     * @throws io.cardshark.worlds.NotFoundException     when the world has no snapshots
     * @throws io.cardshark.worlds.InvalidInputException when the snapshot cannot be imported
     */
    SnapshotInfo restore(String worldId);

    /**
     * Restores {@code worldId} to the snapshot called {@code name}, in one transaction; the world as it is
     * now is snapshotted first. Other worlds are not touched. A deleted world comes back.
     *
     * @param worldId the world to restore; it may have been deleted
     * @param name    the snapshot's name, as {@link SnapshotInfo#name()} gives it
     * @return the snapshot restored
     * @throws io.cardshark.worlds.NotFoundException     when the world has no snapshot of that name
     * @throws io.cardshark.worlds.InvalidInputException when the snapshot cannot be imported (the message says
     *                                                   why); the world is then as it was
     */
    SnapshotInfo restore(String worldId, String name);
}
