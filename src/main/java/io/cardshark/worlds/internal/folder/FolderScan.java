package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.WorldIds;
import io.cardshark.worlds.internal.doc.FolderPaths;
import io.cardshark.worlds.folder.FolderFormatException;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * What a world folder holds, sorted by the role the format gives each file (format spec §1, §5–§8).
 * Links are never followed: a symbolic link, device, pipe or socket anywhere rejects the world.
 *
 * @param paths relative paths, {@code /}-separated, sorted by code point so imports are deterministic
 */
record FolderScan(Path folder, String worldId, boolean hasState, boolean hasMetadata, List<String> stateBackups,
                  List<String> backups, List<String> chats, List<String> events, List<String> files,
                  List<String> emptyDirectories, List<String> skipped) {

    static final String STATE = "world_state.json";
    static final String METADATA = "metadata.json";

    /** Reads the folder's listing; no file content is read here. */
    static FolderScan of(Path folder) throws IOException {
        String worldId = worldIdOf(folder);
        List<String> all = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(folder)) {
                    String rel = relative(folder, dir);
                    check(folder, worldId, rel, dir);
                    if (dir.getFileName().toString().endsWith(".tmp")) {
                        skipped.add(rel + "/");
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    try (var children = Files.list(dir)) {
                        if (children.findAny().isEmpty()) {
                            empty.add(rel);
                        }
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = relative(folder, file);
                check(folder, worldId, rel, file);
                if (file.getFileName().toString().endsWith(".tmp")) {
                    skipped.add(rel);
                } else {
                    all.add(rel);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw e;
            }
        });
        all.sort(null);
        empty.sort(null);
        skipped.sort(null);
        boolean hasState = false;
        boolean hasMetadata = false;
        List<String> stateBackups = new ArrayList<>();
        List<String> backups = new ArrayList<>();
        List<String> chats = new ArrayList<>();
        List<String> events = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (String rel : all) {
            String name = rel.substring(rel.lastIndexOf('/') + 1);
            boolean topLevel = rel.indexOf('/') < 0;
            if (rel.equals(STATE)) {
                hasState = true;
            } else if (rel.equals(METADATA)) {
                hasMetadata = true;
            } else if (FolderPaths.isBackupName(name)) {
                backups.add(rel);
                if (topLevel && name.startsWith("world_state.backup.")) {
                    stateBackups.add(rel);
                }
            } else if (isDirectChild(rel, "chats/") && (name.endsWith(".json") || name.endsWith(".jsonl"))) {
                chats.add(rel);
            } else if (isDirectChild(rel, "events/") && name.endsWith(".json")) {
                events.add(rel);
            } else if (FolderPaths.isExportedDirectory(rel)) {
                throw new FolderFormatException(worldId, folder, rel, folder + ": " + rel + ": expected a folder (every "
                        + "exported world has one there), found a file");
            } else {
                files.add(rel);
            }
        }
        return new FolderScan(folder, worldId, hasState, hasMetadata, stateBackups, backups, chats, events, files,
                empty, skipped);
    }

    /**
     * The scan of a source that is a single file, a world card or archive (format spec §12): the converted world
     * brings all its files, and nothing lies beside it that belongs to the world.
     *
     * @param source the card or archive, which stands where a world folder would in reports and errors
     */
    static FolderScan nothingBeside(Path source, String worldId) {
        return new FolderScan(source, worldId, false, false, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    /** The bytes an import reads: every file but the skipped ones. */
    long totalBytes() throws IOException {
        long total = 0;
        List<String> all = new ArrayList<>(List.of(STATE));
        if (hasMetadata) {
            all.add(METADATA);
        }
        all.addAll(chats);
        all.addAll(events);
        all.addAll(files);
        all.addAll(backups);
        for (String rel : all) {
            Path p = folder.resolve(rel);
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                total += Files.size(p);
            }
        }
        return total;
    }

    private static boolean isDirectChild(String rel, String prefix) {
        return rel.startsWith(prefix) && rel.indexOf('/', prefix.length()) < 0;
    }

    /** The world id is the folder's name as the file system reports it, never re-sanitised. */
    static String worldIdOf(Path folder) {
        Path name = folder.getFileName();
        String id = name == null ? "" : name.toString();
        String problem = WorldIds.safeSegmentProblem(id);
        if (problem != null) {
            throw new FolderFormatException(null, folder, null, folder + ": the folder name \"" + id + "\" " + problem
                    + "; expected a world id (a path-safe folder name)");
        }
        return id;
    }

    private static String relative(Path folder, Path p) {
        StringBuilder b = new StringBuilder();
        for (Path part : folder.relativize(p)) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(part);
        }
        return b.toString();
    }

    /** Refuses links and special files, and names that cannot be one path segment elsewhere. */
    private static void check(Path folder, String worldId, String rel, Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) {
                throw new FolderFormatException(worldId, folder, rel, folder + ": " + rel
                        + ": expected a regular file or directory, found a symbolic link (links are never followed)");
            }
            if (a.isOther()) {
                throw new FolderFormatException(worldId, folder, rel, folder + ": " + rel
                        + ": expected a regular file or directory, found a device, pipe or socket");
            }
        } catch (IOException e) {
            throw new FolderFormatException(worldId, folder, rel, folder + ": " + rel + ": cannot be read (" + e.getMessage() + ")");
        }
        String name = p.getFileName().toString();
        String problem = WorldIds.safeSegmentProblem(name);
        if (problem != null) {
            throw new FolderFormatException(worldId, folder, rel, folder + ": " + rel + ": expected a path-safe name, the name "
                    + problem);
        }
    }
}
