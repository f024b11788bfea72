package io.cardshark.worlds.folder;

import java.nio.file.Path;
import java.util.List;

/**
 * Import and export of world folders (the layout of {@code docs/world-folder-format.md}). Reach it
 * through {@code WorldStore.folders()}. Thread-safe.
 *
 * <p>Import: each world in one transaction, all or nothing; the source is opened read-only and never
 * changed; chats are streamed, a line at a time. Export: each world is written into a temporary sibling,
 * forced to disk, verified and renamed into place, so the target is always the complete old or the
 * complete new folder.
 */
public interface WorldFolders {

    /**
     * Imports world folders, or worlds base folders (a folder of world folders). Worlds succeed or fail
     * independently; a rejected world leaves the store as it was and is reported, not thrown.
     *
     * @param replace replace a world that already exists (atomically), instead of refusing it
     */
    default List<ImportResult> importFolders(List<Path> paths, boolean replace) {
        return importFolders(paths, replace, Progress.NONE);
    }

    /** Like {@link #importFolders(List, boolean)}, telling {@code progress} how many bytes each world has read. */
    List<ImportResult> importFolders(List<Path> paths, boolean replace, Progress progress);

    /** Exports the given worlds into {@code targetDir}, one sub-folder each. */
    default List<ExportResult> export(List<String> worldIds, Path targetDir, Layout layout) {
        return export(worldIds, targetDir, layout, Progress.NONE);
    }

    /** Like {@link #export(List, Path, Layout)}, telling {@code progress} how many messages and files are written. */
    List<ExportResult> export(List<String> worldIds, Path targetDir, Layout layout, Progress progress);

    /** Exports every world of the store. */
    default List<ExportResult> exportAll(Path targetDir, Layout layout) {
        return exportAll(targetDir, layout, Progress.NONE);
    }

    List<ExportResult> exportAll(Path targetDir, Layout layout, Progress progress);
}
