package io.cardshark.worlds.folder;

import io.cardshark.worlds.WorldShape;

import java.nio.file.Path;
import java.util.List;

/**
 * The report on one world folder, world card or world archive (format spec §10.3, §12).
 *
 * @param worldId     the world's id: its folder name, or for a card or archive the id derived from the world's
 *                    name (format spec §12); when a card or archive is rejected before its name is read, its
 *                    file name
 * @param folder      the folder read, or the card or archive file
 * @param outcome     imported, recovered from a backup, or rejected
 * @param stateFile   the file the state came from ({@code world_state.json}, a backup, the card PNG, or the
 *                    archive entry), or {@code null}
 * @param shape       the shape of the state as stored (a later form is stored as shape H), or {@code null} when
 *                    rejected
 * @param form        the form the source came in, or {@code null} when it was rejected before that was known
 * @param formVersion the version the source declares (format spec §12), or {@code null} for a world folder of
 *                    shape F, M or H and when rejected
 * @param counts      what the source held; {@link ImportCounts#NONE} when rejected
 * @param recovery    why world_state.json was unusable and each backup tried, when recovery ran
 * @param skipped     {@code *.tmp} entries, never read
 * @param warnings    what was kept but is worth a look (invalid metadata.json, unknown chat locations, a room
 *                    naming an NPC card or image its archive lacks, ...)
 * @param error       why the world was rejected, or {@code null}
 */
public record ImportResult(String worldId, Path folder, ImportOutcome outcome, String stateFile, WorldShape shape,
                           WorldForm form, String formVersion, ImportCounts counts, List<String> recovery,
                           List<String> skipped, List<String> warnings, String error) {
    /**
     * Seals the report: the lists are copied, so the report never changes.
     *
     * @param worldId     the world's id
     * @param folder      the folder read, or the card or archive file
     * @param outcome     imported, recovered from a backup, or rejected
     * @param stateFile   the file the state came from, or {@code null}
     * @param shape       the shape of the state as stored, or {@code null} when rejected
     * @param form        the form the source came in, or {@code null} when not known
     * @param formVersion the version the source declares, or {@code null}
     * @param counts      what the source held
     * @param recovery    why world_state.json was unusable and each backup tried; empty when no recovery ran
     * @param skipped     {@code *.tmp} entries, never read
     * @param warnings    what was kept but is worth a look
     * @param error       why the world was rejected, or {@code null}
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
