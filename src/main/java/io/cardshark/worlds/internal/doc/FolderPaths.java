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
     * Why a world may not keep a plain file at {@code path} ({@code /}-separated, relative), or {@code null} when
     * it may. Paths the folder format gives a meaning of its own are not plain files: storing one would clash
     * with what the exporter writes there, or come back as something else on the next import. Refused:
     * <ul>
     * <li>the exporter's own files, and any path beneath one as if it were a folder: {@code world_state.json},
     *     {@code metadata.json}, {@code chats/*.json}, {@code chats/*.jsonl}, {@code events/*.json};</li>
     * <li>the directories it always creates: {@code chats}, {@code events}, {@code images},
     *     {@code images/backgrounds}, {@code images/objects};</li>
     * <li>a backup name ({@code *.backup.*.json}, history that only an import brings), and any segment
     *     ending in {@code .tmp} (never read, stored or exported).</li>
     * </ul>
     * Everything an import of a folder stores as a plain file stays allowed: {@code images/...},
     * {@code rooms/...}, {@code world_card.png}, deeper files under {@code chats/} and {@code events/}, other
     * names there. Used by the API's file writes and by the import of the files a later form brings.
     */
    public static String reservedProblem(String path) {
        String[] segments = path.split("/");
        if (isExportedDirectory(path)) {
            return "the exporter always creates a folder there";
        }
        if (isBackupName(segments[segments.length - 1])) {
            return "it is a backup name, history that only an import brings";
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].endsWith(".tmp")) {
                return "a name ending in .tmp is never exported or imported";
            }
            prefix.append(i == 0 ? "" : "/").append(segments[i]);
            if (exporterWrites(prefix.toString())) {
                return i == segments.length - 1 ? "the exporter writes world data there"
                        : "the exporter writes world data at " + prefix + ", which cannot also be a folder";
            }
        }
        return null;
    }

    /** The files an export writes from the world's own tables (format spec §9.1, §9.2). */
    private static boolean exporterWrites(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return path.equals("world_state.json") || path.equals("metadata.json")
                || (directChild(path, "chats/") && (name.endsWith(".json") || name.endsWith(".jsonl")))
                || (directChild(path, "events/") && name.endsWith(".json"));
    }

    private static boolean directChild(String path, String folder) {
        return path.startsWith(folder) && path.length() > folder.length() && path.indexOf('/', folder.length()) < 0;
    }

    /**
     * Whether the exporter always makes a folder at {@code path}, so that no file may be there: the API refuses
     * to store one, and the importer refuses a world folder that has one (it could not be exported).
     */
    public static boolean isExportedDirectory(String path) {
        return EXPORTED_DIRECTORIES.contains(path);
    }
}
