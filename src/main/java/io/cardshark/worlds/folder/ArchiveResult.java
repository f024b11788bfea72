package io.cardshark.worlds.folder;

import java.nio.file.Path;
import java.util.List;

/**
 * The report on one world archive written.
 *
 * @param archive the archive file, complete (it was written under a temporary name and renamed)
 * @param worlds  one report per world, in the order written; each {@link ExportResult#target()} is the archive
 * @param entries the archive's entries, directories included
 * @param bytes   the archive's size on disk
 */
public record ArchiveResult(Path archive, List<ExportResult> worlds, int entries, long bytes) {

    /**
     * Seals the report: the list is copied, so the report never changes.
     *
     * @param archive the archive file
     * @param worlds  one report per world
     * @param entries the archive's entries
     * @param bytes   the archive's size on disk
     */
    public ArchiveResult {
        worlds = List.copyOf(worlds);
    }
}
