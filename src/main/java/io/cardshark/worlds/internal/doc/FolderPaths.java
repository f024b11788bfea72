package io.cardshark.worlds.internal.doc;

import java.util.List;
import java.util.regex.Pattern;

/** What the folder format gives a meaning of its own among a world's paths (format §9.1). */
public final class FolderPaths {

    private FolderPaths() {
    }

    /** Directories every {@code documented} export creates (format §9.1): a file cannot take their place. */
    private static final List<String> EXPORTED_DIRECTORIES = List.of("chats", "events", "images", "images/backgrounds",
            "images/objects");

    /** A backup's file name, wherever it lies in a world (format §8): {@code {stem}.backup.{tag}.json}. */
    private static final Pattern BACKUP = Pattern.compile("(.+)\\.backup\\.(.+)\\.json");

    /**
     * Whether a file called {@code fileName} is a backup to the importer (format §8). Nothing the exporter
     * writes for a chat or an event may have such a name, or a re-import would take it for history.
     */
    public static boolean isBackupName(String fileName) {
        return BACKUP.matcher(fileName).matches();
    }

    /**
     * Whether the exporter always makes a folder at {@code path}, so that no file may be there: the API refuses
     * to store one, and the importer refuses a world folder that has one (it could not be exported).
     */
    public static boolean isExportedDirectory(String path) {
        return EXPORTED_DIRECTORIES.contains(path);
    }
}
