package io.cardshark.worlds.folder;

import java.nio.file.Path;
import java.util.List;

/**
 * Import and export of world folders (the layout of {@code shared/format/world-folder.md}). Reach it
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
    List<ImportResult> importFolders(List<Path> paths, boolean replace);

    /** Exports the given worlds into {@code targetDir}, one sub-folder each. */
    List<ExportResult> export(List<String> worldIds, Path targetDir, Layout layout);

    /** Exports every world of the store. */
    List<ExportResult> exportAll(Path targetDir, Layout layout);
}
