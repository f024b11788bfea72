package io.cardshark.worlds.folder;

/**
 * Hears how far an import or export of one world has come: for an import in bytes read, for an export in
 * chat messages written. Called on the working thread, often: keep it cheap.
 */
@FunctionalInterface
public interface Progress {

    /** No one is listening. */
    Progress NONE = (worldId, done, total) -> { };

    /**
     * Reports progress: once with {@code done} 0 when a world starts, then about every thousandth of the
     * total, and once with {@code done} equal to {@code total} when the world is finished (never for a world
     * that fails).
     *
     * @param worldId the world being imported or exported
     * @param done    how much is done, at most {@code total}
     * @param total   how much there is, at least 1
     */
    void update(String worldId, long done, long total);
}
