package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.ErrorCode;
import io.cardshark.worlds.StoreConfig;
import io.cardshark.worlds.WorldIds;
import io.cardshark.worlds.WorldStoreException;
import io.cardshark.worlds.backup.SnapshotInfo;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.internal.BeforeDestroy;
import io.cardshark.worlds.internal.FileSync;
import io.cardshark.worlds.internal.backup.Stamps;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static io.cardshark.worlds.internal.db.Tables.WORLD;

/**
 * Snapshots on disk: {@code <snapshotDir>/<world>/<time>-<reason>/<world>/}, each an ordinary world
 * folder in the CardShark layout (the layout that reproduces imported files byte for byte). The exporter
 * writes the inner folder atomically, so a snapshot folder is complete or absent; a stamp folder left
 * empty by a crash is not listed.
 */
final class SnapshotStore implements BeforeDestroy {

    private static final Logger log = LoggerFactory.getLogger(SnapshotStore.class);

    private final StoreConfig config;
    private final WorldExporter exporter;

    SnapshotStore(StoreConfig config, WorldExporter exporter) {
        this.config = config;
        this.exporter = exporter;
    }

    @Override
    public void run(DSLContext dsl, String worldId, String reason) {
        if (dsl.fetchExists(WORLD, WORLD.ID.eq(worldId))) {
            take(dsl, worldId, reason);
        }
    }

    SnapshotInfo take(DSLContext dsl, String worldId, String reason) {
        Path worldDir = worldDir(worldId);
        Instant at = Instant.now();
        Path stampDir;
        while (Files.exists(stampDir = worldDir.resolve(Stamps.name(at, reason)), LinkOption.NOFOLLOW_LINKS)) {
            at = at.plusMillis(1);
        }
        try {
            Files.createDirectories(stampDir);
            exporter.exportWithin(dsl, worldId, stampDir, Layout.CARDSHARK);
        } catch (IOException e) {
            throw new WorldStoreException(ErrorCode.IO_FAILURE, worldId, "world " + worldId + ": snapshot into "
                    + stampDir + " failed (" + e.getMessage() + "); nothing was changed", e);
        }
        SnapshotInfo info = new SnapshotInfo(worldId, stampDir.getFileName().toString(), at, reason,
                stampDir.resolve(worldId));
        log.info("world {}: snapshot {} taken ({})", worldId, info.name(), reason);
        prune(worldId);
        return info;
    }

    /** The snapshots of {@code worldId}, or of every world when it is null; newest first. */
    List<SnapshotInfo> list(String worldId) {
        List<SnapshotInfo> all = new ArrayList<>();
        try {
            if (worldId != null) {
                collect(worldId, all);
            } else if (Files.isDirectory(config.snapshotDir())) {
                try (Stream<Path> worlds = Files.list(config.snapshotDir())) {
                    for (Path w : worlds.sorted().toList()) {
                        collect(w.getFileName().toString(), all);
                    }
                }
            }
        } catch (IOException e) {
            throw new WorldStoreException(ErrorCode.IO_FAILURE, worldId, config.snapshotDir()
                    + ": cannot list snapshots (" + e.getMessage() + ")", e);
        }
        all.sort(Comparator.comparing(SnapshotInfo::takenAt).reversed().thenComparing(SnapshotInfo::worldId));
        return all;
    }

    private void collect(String worldId, List<SnapshotInfo> into) throws IOException {
        Path worldDir = worldDir(worldId);
        if (!Files.isDirectory(worldDir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> stamps = Files.list(worldDir)) {
            for (Path stampDir : stamps.toList()) {
                Stamps.Stamp stamp = Stamps.parse(stampDir.getFileName().toString());
                Path folder = stampDir.resolve(worldId);
                if (stamp != null && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                    into.add(new SnapshotInfo(worldId, stampDir.getFileName().toString(), stamp.at(), stamp.reason(), folder));
                }
            }
        }
    }

    /**
     * Removes what a crash left of snapshots being taken: a time folder without its complete world folder,
     * and the exporter's temporary folders. Called on open, when no snapshot of this store can be in progress.
     */
    void removeLeftovers() {
        if (!Files.isDirectory(config.snapshotDir(), LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> worlds = Files.list(config.snapshotDir())) {
            for (Path worldDir : worlds.toList()) {
                if (!Files.isDirectory(worldDir, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String worldId = worldDir.getFileName().toString();
                try (Stream<Path> stamps = Files.list(worldDir)) {
                    for (Path stampDir : stamps.toList()) {
                        if (Stamps.parse(stampDir.getFileName().toString()) == null) {
                            continue;
                        }
                        if (!Files.isDirectory(stampDir.resolve(worldId), LinkOption.NOFOLLOW_LINKS)) {
                            FileSync.deleteTree(stampDir);
                            log.info("world {}: removed {}, the leftover of an interrupted snapshot", worldId, stampDir);
                            continue;
                        }
                        try (Stream<Path> inside = Files.list(stampDir)) {
                            for (Path temp : inside.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                                FileSync.deleteTree(temp);
                                log.info("world {}: removed {}, the leftover of an interrupted snapshot", worldId, temp);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            log.warn("{}: leftovers of interrupted snapshots could not be removed: {}", config.snapshotDir(), e.getMessage());
        }
    }

    private Path worldDir(String worldId) {
        WorldIds.requireValidId(worldId);
        Path dir = config.snapshotDir().resolve(worldId).normalize();
        if (!dir.getParent().equals(config.snapshotDir())) {
            throw new IllegalArgumentException("world id " + worldId + " leaves the snapshot folder");
        }
        return dir;
    }

    private void prune(String worldId) {
        for (SnapshotInfo old : Stamps.expired(list(worldId), SnapshotInfo::takenAt, config.retention(), Instant.now())) {
            try {
                FileSync.deleteTree(old.folder().getParent());
                log.info("world {}: snapshot {} pruned (retention {})", worldId, old.name(), config.retention());
            } catch (IOException e) {
                log.warn("world {}: snapshot {} could not be pruned: {}", worldId, old.name(), e.getMessage());
            }
        }
    }
}
