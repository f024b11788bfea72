package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.internal.rows.SettingRows;
import io.cardshark.worlds.ErrorCode;
import io.cardshark.worlds.SnapshotForm;
import io.cardshark.worlds.StoreConfig;
import io.cardshark.worlds.WorldIds;
import io.cardshark.worlds.WorldStoreException;
import io.cardshark.worlds.backup.SnapshotInfo;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.internal.ops.BeforeDestroy;
import io.cardshark.worlds.internal.engine.StoreEngine;
import io.cardshark.worlds.internal.fs.FileSync;
import io.cardshark.worlds.internal.fs.OwnerOnly;
import io.cardshark.worlds.internal.backup.Stamps;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static io.cardshark.worlds.internal.db.Tables.STORE_SETTING;
import static io.cardshark.worlds.internal.db.Tables.WORLD;

/**
 * Snapshots on disk: {@code <snapshotDir>/<world>/<time>-<reason>/<world>/}, each an ordinary world
 * folder in the CardShark layout (the layout that reproduces imported files byte for byte), or the same folder as
 * a world archive {@code <world>.zip} when the store keeps snapshots as archives. The exporter
 * writes the inner folder atomically, so a snapshot folder is complete or absent; a stamp folder left
 * empty by a crash is not listed.
 */
final class SnapshotStore implements BeforeDestroy {

    private static final Logger log = LoggerFactory.getLogger(SnapshotStore.class);

    /** The marker a destructive step's transaction leaves for its pending snapshot: committed with the step. */
    private static final String PENDING_MARKER = "snapshot.pending:";
    private static final String PENDING_SUFFIX = ".pending";
    private static final String ARCHIVE_SUFFIX = ".zip";

    private final StoreConfig config;
    private final StoreEngine engine;
    private final WorldExporter exporter;

    SnapshotStore(StoreEngine engine, WorldExporter exporter) {
        this.config = engine.config();
        this.engine = engine;
        this.exporter = exporter;
    }

    /**
     * The snapshot before a destructive step, taken inside the step's transaction. The step may still roll
     * back (or its process die before it commits), so the snapshot waits under a pending name, and a marker row
     * goes into the same transaction: once the step has committed, the snapshot takes its real name. A
     * snapshot of a step that never happened is thus never listed, kept or counted by retention.
     */
    @Override
    public void run(DSLContext dsl, String worldId, String reason) {
        if (!dsl.fetchExists(WORLD, WORLD.ID.eq(worldId))) {
            return;
        }
        Stamp stamp = newStamp(worldId, reason);
        Path pending = pendingDir(stamp.dir());
        write(dsl, worldId, pending, config.snapshotForm());
        SettingRows.put(dsl, marker(worldId, stamp.name()), "pending");
        engine.afterCommit(() -> complete(worldId, stamp.name()));
        engine.afterRollback(() -> discard(worldId, pending));
    }

    /** The step rolled back: its snapshot would show a change that never happened. */
    private void discard(String worldId, Path pending) {
        try {
            FileSync.deleteTree(pending);
        } catch (IOException e) {
            log.warn("world {}: {} could not be removed now ({}); the next open removes it", worldId, pending, e.getMessage());
        }
    }

    /** Snapshots {@code worldId} as {@code dsl}'s transaction sees it, under its final name at once. */
    SnapshotInfo take(DSLContext dsl, String worldId, String reason, SnapshotForm form) {
        Stamp stamp = newStamp(worldId, reason);
        Path pending = pendingDir(stamp.dir());
        try {
            write(dsl, worldId, pending, form);
            rename(stamp.dir());
        } catch (IOException e) {
            discard(worldId, pending);
            throw new WorldStoreException(ErrorCode.IO_FAILURE, worldId, "world " + worldId + ": snapshot "
                    + stamp.name() + " could not take its name (" + e.getMessage() + "); nothing was kept", e);
        } catch (RuntimeException e) {
            discard(worldId, pending);
            throw e;
        }
        log.info("world {}: snapshot {} taken ({})", worldId, stamp.name(), reason);
        prune(worldId);
        return new SnapshotInfo(worldId, stamp.name(), stamp.at(), reason, kept(stamp.dir(), worldId));
    }

    private record Stamp(String name, Instant at, Path dir) {
    }

    /**
     * A stamp no other snapshot of the world has or is being written under, reserved by creating its pending
     * folder: two snapshots taken in the same millisecond get two stamps.
     */
    private Stamp newStamp(String worldId, String reason) {
        Path worldDir = worldDir(worldId);
        try {
            OwnerOnly.createDirectories(worldDir);
            for (Instant at = Instant.now(); ; at = at.plusMillis(1)) {
                Path stampDir = worldDir.resolve(Stamps.name(at, reason));
                if (Files.exists(stampDir, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try {
                    OwnerOnly.createDirectory(pendingDir(stampDir));
                } catch (FileAlreadyExistsException taken) {
                    continue;
                }
                // The pending folder goes only when it becomes the stamp folder, so a stamp still free now is ours.
                if (!Files.exists(stampDir, LinkOption.NOFOLLOW_LINKS)) {
                    return new Stamp(stampDir.getFileName().toString(), at, stampDir);
                }
                Files.delete(pendingDir(stampDir));
            }
        } catch (IOException e) {
            throw new WorldStoreException(ErrorCode.IO_FAILURE, worldId, "world " + worldId + ": snapshot folder "
                    + worldDir + " could not be made (" + e.getMessage() + "); nothing was changed", e);
        }
    }

    private void write(DSLContext dsl, String worldId, Path stampDir, SnapshotForm form) {
        try {
            OwnerOnly.createDirectories(stampDir);
            if (form == SnapshotForm.ARCHIVE) {
                writeArchive(dsl, worldId, stampDir);
            } else {
                exporter.exportWithin(dsl, worldId, stampDir, Layout.CARDSHARK);
            }
        } catch (IOException e) {
            throw new WorldStoreException(ErrorCode.IO_FAILURE, worldId, "world " + worldId + ": snapshot into "
                    + stampDir + " failed (" + e.getMessage() + "); nothing was changed", e);
        }
    }

    /**
     * The world folder, exported inside the caller's transaction into a scratch folder of the stamp and zipped into
     * {@code <world>.zip} beside it. The scratch name ends in {@code .tmp}, so a crash's leftover is removed on open.
     */
    private void writeArchive(DSLContext dsl, String worldId, Path stampDir) throws IOException {
        Path scratch = OwnerOnly.createDirectory(stampDir.resolve(".export.tmp"));
        try (ArchiveWriter archive = ArchiveWriter.begin(stampDir.resolve(worldId + ARCHIVE_SUFFIX))) {
            exporter.exportWithin(dsl, worldId, scratch, Layout.CARDSHARK);
            archive.addTree(scratch.resolve(worldId), worldId);
            archive.commit();
        } finally {
            FileSync.deleteTree(scratch);
        }
    }

    /** What a stamp folder keeps: the world folder, or the world archive; {@code null} when neither is complete. */
    private static Path kept(Path stampDir, String worldId) {
        Path folder = stampDir.resolve(worldId);
        if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return folder;
        }
        Path archive = stampDir.resolve(worldId + ARCHIVE_SUFFIX);
        return Files.isRegularFile(archive, LinkOption.NOFOLLOW_LINKS) ? archive : null;
    }

    /** A written pending folder takes its stamp's name, durably. */
    private static void rename(Path stampDir) throws IOException {
        Files.move(pendingDir(stampDir), stampDir, StandardCopyOption.ATOMIC_MOVE);
        FileSync.directory(stampDir.getParent());
    }

    private static Path pendingDir(Path stampDir) {
        return stampDir.resolveSibling("." + stampDir.getFileName() + PENDING_SUFFIX);
    }

    private static String marker(String worldId, String stampName) {
        return PENDING_MARKER + worldId + "/" + stampName;
    }

    /** After the step committed: the pending snapshot takes its name, and its marker goes. */
    private void complete(String worldId, String stampName) {
        Path stampDir = worldDir(worldId).resolve(stampName);
        try {
            rename(stampDir);
        } catch (IOException e) {
            throw new WorldStoreException(ErrorCode.IO_FAILURE, worldId, "world " + worldId + ": snapshot " + stampName
                    + " could not take its name (" + e.getMessage() + "); the next open of the store does it", e);
        }
        engine.transaction(worldId, tx -> tx.write(worldId, dsl -> {
            SettingRows.delete(dsl, marker(worldId, stampName));
            return null;
        }));
        log.info("world {}: snapshot {} taken", worldId, stampName);
        prune(worldId);
    }

    /**
     * Finishes what a crash interrupted: a pending snapshot whose step committed (its marker is there) takes its
     * name; one whose step never committed is removed. Called on open, while nothing else runs; a read-only
     * open leaves them for the next writer.
     */
    void finishPending(boolean canWrite) {
        if (!canWrite || !Files.isDirectory(config.snapshotDir(), LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<String> markers = engine.transaction(null, tx -> tx.read(null, dsl -> SettingRows.names(dsl, PENDING_MARKER)));
        try (Stream<Path> worlds = Files.list(config.snapshotDir())) {
            for (Path worldDir : worlds.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                String worldId = worldDir.getFileName().toString();
                try (Stream<Path> stamps = Files.list(worldDir)) {
                    for (Path pending : stamps.filter(p -> p.getFileName().toString().endsWith(PENDING_SUFFIX)).toList()) {
                        String file = pending.getFileName().toString();
                        String stampName = file.substring(1, file.length() - PENDING_SUFFIX.length());
                        if (markers.contains(marker(worldId, stampName))) {
                            complete(worldId, stampName);
                        } else {
                            FileSync.deleteTree(pending);
                            log.info("world {}: removed {}, the snapshot of a step that never committed", worldId, pending);
                        }
                    }
                }
            }
        } catch (IOException e) {
            log.warn("{}: pending snapshots could not be finished: {}", config.snapshotDir(), e.getMessage());
        }
        engine.transaction(null, tx -> tx.write(null, dsl -> {
            SettingRows.deleteStartingWith(dsl, PENDING_MARKER);
            return null;
        }));
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
                Path folder = kept(stampDir, worldId);
                if (stamp != null && folder != null) {
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
                        if (kept(stampDir, worldId) == null) {
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
                FileSync.deleteTree(old.folder().getParent()); // the stamp folder, whichever form it keeps
                log.info("world {}: snapshot {} pruned (retention {})", worldId, old.name(), config.retention());
            } catch (IOException e) {
                log.warn("world {}: snapshot {} could not be pruned: {}", worldId, old.name(), e.getMessage());
            }
        }
    }
}
