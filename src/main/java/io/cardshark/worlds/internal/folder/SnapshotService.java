package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.NotFoundException;
import io.cardshark.worlds.SnapshotForm;
import io.cardshark.worlds.WorldIds;
import io.cardshark.worlds.folder.ArchiveLimits;
import io.cardshark.worlds.backup.SnapshotInfo;
import io.cardshark.worlds.backup.Snapshots;
import io.cardshark.worlds.folder.ImportOutcome;
import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.folder.Progress;
import io.cardshark.worlds.internal.engine.StoreEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** {@link Snapshots} over the snapshot folder: taking goes through the exporter, restoring through the importer. */
final class SnapshotService implements Snapshots {

    private static final Logger log = LoggerFactory.getLogger(SnapshotService.class);

    private final StoreEngine engine;
    private final SnapshotStore store;
    private final WorldImporter importer;
    private final WorldArchives archives;

    SnapshotService(StoreEngine engine, SnapshotStore store, WorldImporter importer, WorldArchives archives) {
        this.engine = engine;
        this.store = store;
        this.importer = importer;
        this.archives = archives;
    }

    @Override
    public SnapshotInfo take(String worldId) {
        return take(worldId, engine.config().snapshotForm());
    }

    @Override
    public SnapshotInfo take(String worldId, SnapshotForm form) {
        WorldIds.requireValidId(worldId);
        Objects.requireNonNull(form, "form");
        return engine.snapshot(worldId, tx -> tx.read(worldId, dsl -> store.take(dsl, worldId, "manual", form)));
    }

    @Override
    public List<SnapshotInfo> list() {
        return store.list(null);
    }

    @Override
    public List<SnapshotInfo> list(String worldId) {
        WorldIds.requireValidId(worldId);
        return store.list(worldId);
    }

    @Override
    public SnapshotInfo restore(String worldId) {
        List<SnapshotInfo> all = list(worldId);
        if (all.isEmpty()) {
            throw new NotFoundException(worldId, "world " + worldId + ": has no snapshots");
        }
        return restore(all.get(0));
    }

    @Override
    public SnapshotInfo restore(String worldId, String name) {
        SnapshotInfo snapshot = list(worldId).stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException(worldId, "world " + worldId + ": no snapshot named " + name
                        + "; see the snapshots command"));
        return restore(snapshot);
    }

    /**
     * An import with replace: one transaction, which snapshots the world as it is before replacing it. A snapshot
     * kept as an archive is imported as any world archive is, checked whole first.
     */
    private SnapshotInfo restore(SnapshotInfo snapshot) {
        ImportResult result = snapshot.isArchive() ? fromArchive(snapshot)
                : importer.importWorld(snapshot.folder(), true, Progress.NONE);
        if (result.outcome() == ImportOutcome.REJECTED) {
            throw new InvalidInputException(snapshot.worldId(), "world " + snapshot.worldId() + ": snapshot "
                    + snapshot.name() + " could not be restored: " + result.error());
        }
        log.info("world {}: restored from snapshot {}", snapshot.worldId(), snapshot.name());
        return snapshot;
    }

    /** The snapshot's one world; an archive holding any other world is not this world's snapshot. */
    private ImportResult fromArchive(SnapshotInfo snapshot) {
        Path archive = snapshot.folder();
        List<String> worlds = archives.worldsIn(archive, ArchiveLimits.DEFAULT);
        if (!worlds.equals(List.of(snapshot.worldId()))) {
            throw new InvalidInputException(snapshot.worldId(), "world " + snapshot.worldId() + ": snapshot "
                    + snapshot.name() + " could not be restored: " + archive + " holds the worlds " + worlds
                    + ", expected only " + snapshot.worldId());
        }
        return archives.importArchive(archive, true, ArchiveLimits.DEFAULT, Progress.NONE).get(0);
    }
}
