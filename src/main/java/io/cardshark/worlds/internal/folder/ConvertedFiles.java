package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.WorldIds;
import io.cardshark.worlds.folder.FolderFormatException;
import io.cardshark.worlds.internal.doc.FolderPaths;
import io.cardshark.worlds.internal.forms.ConvertedFile;
import io.cardshark.worlds.internal.forms.ConvertedWorld;
import io.cardshark.worlds.internal.rows.FileRows;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the files a world converted from a later form brings (format spec §12): every original of the source
 * byte for byte under {@code cardshark-original/}, its room images as backgrounds, its card as
 * {@code world_card.png}. Each must be a path a world can keep as a plain file, as for the API's file writes
 * ({@link FolderPaths#reservedProblem}): an archive entry named like a backup or a {@code .tmp} file would come
 * back as something else, or not at all, after an export and a new import. A form-R world folder has files of
 * its own beside its state; a converted file may not take the place of one of them.
 */
final class ConvertedFiles {

    private ConvertedFiles() {
    }

    /** Stores every file of {@code world}, after checking them all; returns how many. */
    static int keep(DSLContext dsl, FolderScan scan, ConvertedWorld world) {
        List<String> folderPaths = new ArrayList<>(scan.files());
        folderPaths.addAll(scan.backups());
        folderPaths.addAll(scan.emptyDirectories());
        for (ConvertedFile file : world.files()) {
            String problem = FolderPaths.reservedProblem(file.path());
            if (problem == null) {
                problem = clash(file.path(), folderPaths);
            }
            if (problem != null) {
                throw new FolderFormatException(scan.worldId(), scan.folder(), file.path(), scan.folder() + ": "
                        + file.path() + ": cannot be kept as a file of the " + world.form().label() + " world ("
                        + problem + ")");
            }
        }
        for (ConvertedFile file : world.files()) {
            FileRows.put(dsl, scan.worldId(), file.path(), file.bytes());
        }
        return world.files().size();
    }

    /** The folder's own path that {@code path} would overwrite or must not be a folder of, as Windows compares. */
    private static String clash(String path, List<String> folderPaths) {
        String p = WorldIds.caseFold(path);
        for (String other : folderPaths) {
            String o = WorldIds.caseFold(other);
            if (o.equals(p) || o.startsWith(p + "/") || p.startsWith(o + "/")) {
                return "the world folder has " + other + " there";
            }
        }
        return null;
    }
}
