package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.folder.ArchiveLimits;
import io.cardshark.worlds.folder.ArchiveResult;
import io.cardshark.worlds.folder.ExportResult;
import io.cardshark.worlds.folder.FolderFormatException;
import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.folder.Progress;
import io.cardshark.worlds.folder.WorldFolders;
import io.cardshark.worlds.backup.Snapshots;
import io.cardshark.worlds.internal.ops.BeforeDestroy;
import io.cardshark.worlds.internal.engine.StoreEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static io.cardshark.worlds.internal.db.Tables.WORLD;

/** {@link WorldFolders} over one store's engine. */
public final class FolderService implements WorldFolders {

    private static final Logger log = LoggerFactory.getLogger(FolderService.class);

    private final StoreEngine engine;
    private final WorldImporter importer;
    private final WorldExporter exporter;
    private final SnapshotStore snapshotStore;
    private final SnapshotService snapshots;
    private final WorldArchives archives;

    public FolderService(StoreEngine engine) {
        this.engine = engine;
        this.exporter = new WorldExporter(engine);
        this.snapshotStore = new SnapshotStore(engine, exporter);
        this.importer = new WorldImporter(engine, snapshotStore);
        this.archives = new WorldArchives(engine, exporter, importer);
        this.snapshots = new SnapshotService(engine, snapshotStore, importer, archives);
    }

    /** Per-world snapshots, which live beside the folder format because a snapshot is a world folder. */
    public Snapshots snapshots() {
        return snapshots;
    }

    /**
     * Removes what interrupted snapshots left behind and finishes the pending snapshots of steps that
     * committed; for the store's open, while nothing else runs.
     */
    public void finishInterruptedSnapshots(boolean canWrite) {
        snapshotStore.removeLeftovers();
        snapshotStore.finishPending(canWrite);
    }

    /** What every destructive step runs first: a snapshot of the world it is about to destroy. */
    public BeforeDestroy beforeDestroy() {
        return snapshotStore;
    }

    @Override
    public List<ImportResult> importFolders(List<Path> paths, boolean replace, Progress progress) {
        Objects.requireNonNull(paths, "paths");
        List<ImportResult> results = new ArrayList<>();
        for (Path given : paths) {
            // "." or "worlds/.." name a folder by where they lead: its name is the world's id.
            Path path = given.toAbsolutePath().normalize();
            if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                results.addAll(importFile(path, replace, progress));
                continue;
            }
            if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidInputException(null, path + ": expected a world folder, a folder of worlds, a world"
                        + " card PNG or a world ZIP, found " + (Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                        ? "something else (links are never followed)" : "nothing"));
            }
            try {
                if (WorldImporter.isWorldFolder(path)) {
                    results.add(importer.importWorld(path, replace, progress));
                } else {
                    for (Path world : worldFoldersIn(path)) {
                        results.add(importer.importWorld(world, replace, progress));
                    }
                }
            } catch (IOException e) {
                throw IoFailure.of(null, "listing the worlds of", path, e);
            }
        }
        return results;
    }

    /** A world archive's worlds, or a later form's one world; a refused archive is reported as one rejection. */
    private List<ImportResult> importFile(Path file, boolean replace, Progress progress) {
        if (!WorldArchives.isWorldArchive(file)) {
            return List.of(importer.importFile(file, replace, progress));
        }
        try {
            return archives.importArchive(file, replace, ArchiveLimits.DEFAULT, progress);
        } catch (FolderFormatException e) {
            return List.of(WorldArchives.refused(file, e));
        }
    }

    /** The world sub-folders of a base folder; loose files and {@code .*.tmp} entries are skipped. */
    private static List<Path> worldFoldersIn(Path base) throws IOException {
        try (Stream<Path> children = Files.list(base)) {
            List<Path> worlds = new ArrayList<>();
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                if (name.endsWith(".tmp") || !Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    log.info("{}: skipped {} (not a world folder)", base, name);
                    continue;
                }
                worlds.add(child);
            }
            return worlds;
        }
    }

    @Override
    public List<ExportResult> export(List<String> worldIds, Path targetDir, Layout layout, Progress progress) {
        Objects.requireNonNull(targetDir, "targetDir");
        Layout l = layout == null ? Layout.DOCUMENTED : layout;
        List<ExportResult> results = new ArrayList<>();
        for (String id : worldIds) {
            results.add(exporter.export(id, targetDir, l, progress));
        }
        return results;
    }

    @Override
    public List<ExportResult> exportAll(Path targetDir, Layout layout, Progress progress) {
        return export(allIds(), targetDir, layout, progress);
    }

    private List<String> allIds() {
        return engine.transaction(null, tx -> tx.read(null,
                dsl -> dsl.select(WORLD.ID).from(WORLD).orderBy(WORLD.ID).fetch(WORLD.ID)));
    }

    @Override
    public ArchiveResult exportArchive(List<String> worldIds, Path archive, Layout layout, Progress progress) {
        Objects.requireNonNull(archive, "archive");
        return archives.export(worldIds, archive, layout == null ? Layout.DOCUMENTED : layout, progress);
    }

    @Override
    public ArchiveResult exportAllArchive(Path archive, Layout layout, Progress progress) {
        return exportArchive(allIds(), archive, layout, progress);
    }

    @Override
    public List<ImportResult> importArchive(Path archive, boolean replace, ArchiveLimits limits, Progress progress) {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(limits, "limits");
        return archives.importArchive(archive, replace, limits, progress);
    }
}
