package io.cardshark.worlds.folder;

import io.cardshark.worlds.WorldShape;

import java.nio.file.Path;
import java.util.List;

/**
 * The report on one world folder (format spec §10.3).
 *
 * @param worldId    the world's id, its folder name
 * @param folder     the folder read
 * @param outcome    imported, recovered from a backup, or rejected
 * @param stateFile  the file the state came from ({@code world_state.json} or a backup), or {@code null}
 * @param shape      the shape found, or {@code null} when rejected
 * @param counts     what the folder held; {@link ImportCounts#NONE} when rejected
 * @param recovery   why world_state.json was unusable and each backup tried, when recovery ran
 * @param skipped    {@code *.tmp} entries, never read
 * @param warnings   what was kept but is worth a look (invalid metadata.json, unknown chat locations, ...)
 * @param error      why the world was rejected, or {@code null}
 */
public record ImportResult(String worldId, Path folder, ImportOutcome outcome, String stateFile, WorldShape shape,
                           ImportCounts counts, List<String> recovery, List<String> skipped, List<String> warnings,
                           String error) {
    /**
     * Seals the report: the lists are copied, so the report never changes.
     *
     * @param worldId   the world's id, its folder name
     * @param folder    the folder read
     * @param outcome   imported, recovered from a backup, or rejected
     * @param stateFile the file the state came from, or {@code null}
     * @param shape     the shape found, or {@code null} when rejected
     * @param counts    what the folder held
     * @param recovery  why world_state.json was unusable and each backup tried; empty when no recovery ran
     * @param skipped   {@code *.tmp} entries, never read
     * @param warnings  what was kept but is worth a look
     * @param error     why the world was rejected, or {@code null}
     */
    public ImportResult {
        recovery = List.copyOf(recovery);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    /**
     * Whether the world is now in the store.
     *
     * @return {@code true} when the outcome is {@link ImportOutcome#IMPORTED} or {@link ImportOutcome#RECOVERED}
     */
    public boolean isImported() {
        return outcome != ImportOutcome.REJECTED;
    }
}
