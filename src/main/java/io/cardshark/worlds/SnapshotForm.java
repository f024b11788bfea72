package io.cardshark.worlds;

/**
 * How a per-world snapshot is kept on disk ({@link StoreConfig#snapshotForm()}). Either form holds the same world
 * folder in the CardShark layout, and {@code restore-world} reads both, so the setting can change at any time.
 */
public enum SnapshotForm {
    /** An ordinary world folder, {@code <world>/<time>-<reason>/<world>/}, that a person can open as it is. */
    FOLDER,
    /**
     * A world archive, {@code <world>/<time>-<reason>/<world>.zip}: the same folder deflated into one file (chats
     * shrink several times over), written as {@code WorldFolders.exportArchive} writes.
     */
    ARCHIVE
}
