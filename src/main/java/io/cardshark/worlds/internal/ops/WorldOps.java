package io.cardshark.worlds.internal.ops;

import io.cardshark.worlds.internal.rows.WorldKeys;
import io.cardshark.worlds.internal.rows.WorldRows;
import io.cardshark.worlds.internal.rows.PlayerRows;
import io.cardshark.worlds.internal.rows.MetadataRows;
import io.cardshark.worlds.internal.rows.FileRows;
import io.cardshark.worlds.internal.rows.BranchRows;
import io.cardshark.worlds.internal.rows.ChatRows;
import io.cardshark.worlds.internal.rows.EventRows;
import io.cardshark.worlds.internal.rows.LocationRows;
import io.cardshark.worlds.internal.rows.MessageRows;
import io.cardshark.worlds.internal.rows.VisitRows;
import io.cardshark.worlds.Lineage;
import io.cardshark.worlds.internal.merge.PlayerMerge;
import io.cardshark.worlds.PlayerState;
import io.cardshark.worlds.internal.doc.ModelFields;
import io.cardshark.worlds.internal.doc.KeyOrders;
import io.cardshark.worlds.internal.doc.MetadataDocuments;
import io.cardshark.worlds.internal.doc.StoredJson;
import io.cardshark.worlds.internal.engine.Access;
import io.cardshark.worlds.AlreadyExistsException;
import io.cardshark.worlds.NotFoundException;
import io.cardshark.worlds.World;
import io.cardshark.worlds.WorldIds;
import io.cardshark.worlds.WorldShape;
import io.cardshark.worlds.WorldSummary;
import io.cardshark.worlds.Worlds;
import io.cardshark.worlds.internal.db.tables.records.WorldRecord;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static io.cardshark.worlds.internal.db.Tables.CHAT;
import static io.cardshark.worlds.internal.db.Tables.LOCATION;
import static io.cardshark.worlds.internal.db.Tables.PLAYER_STATE;
import static io.cardshark.worlds.internal.db.Tables.WORLD;
import static io.cardshark.worlds.internal.db.Tables.WORLD_FILE;
import static io.cardshark.worlds.internal.db.Tables.WORLD_METADATA;

/** {@link Worlds} over the world and world_metadata tables. */
public final class WorldOps implements Worlds {

    private static final Logger log = LoggerFactory.getLogger(WorldOps.class);

    /** Where the metadata document lives in a world folder. */
    static final String METADATA_FILE_PATH = "metadata.json";

    private final Access access;
    private final BeforeDestroy beforeDelete;

    public WorldOps(Access access, BeforeDestroy beforeDelete) {
        this.access = access;
        this.beforeDelete = beforeDelete;
    }

    @Override
    public World create(String displayName) {
        Checks.nonEmpty(null, "display name", displayName, Checks.MAX_NAME);
        String id = WorldIds.fromDisplayName(displayName);
        Checks.optional(id, "display name", displayName, Checks.MAX_NAME);
        return access.write(id, dsl -> {
            Optional<String> clash = WorldRows.clashingId(dsl, id);
            if (clash.isPresent()) {
                throw new AlreadyExistsException(id, "cannot create world \"" + displayName + "\": its id " + id
                        + " clashes with existing world " + clash.get());
            }
            OffsetDateTime now = WorldRows.now();
            long epochSeconds = now.toEpochSecond();
            WorldRecord world = new WorldRecord();
            world.setId(id);
            world.setDisplayName(displayName);
            world.setStateShape(WorldShape.H.name());
            world.setStateName(id);
            world.setFormatVersion("1.0");
            world.setCurrentPosition("0,0,0");
            world.setCreatedAt(now);
            world.setModifiedAt(now);
            world.setCreatedByStore(true);
            world.setKeyOrder(KeyOrders.keyOrder(ModelFields.STATE));
            WorldRows.insert(dsl, world);
            PlayerRows.insert(dsl, id, PlayerMerge.merge(null, PlayerState.DEFAULT));
            MetadataRows.put(dsl, id, MetadataRows.STATE, MetadataDocuments.newWorldMetadata(displayName, epochSeconds));
            log.info("world {}: created \"{}\"", id, displayName);
            return toWorld(world);
        });
    }

    @Override
    public World get(String worldId) {
        return find(worldId).orElseThrow(() -> new NotFoundException(worldId, "world " + worldId + " does not exist"));
    }

    @Override
    public Optional<World> find(String worldId) {
        Checks.worldId(worldId);
        return access.read(worldId, dsl -> dsl.selectFrom(WORLD).where(WORLD.ID.eq(worldId)).fetchOptional().map(WorldOps::toWorld));
    }

    @Override
    public boolean exists(String worldId) {
        Checks.worldId(worldId);
        return access.read(worldId, dsl -> dsl.fetchExists(WORLD, WORLD.ID.eq(worldId)));
    }

    @Override
    public int count() {
        return access.read(null, dsl -> dsl.fetchCount(WORLD));
    }

    @Override
    public List<WorldSummary> list() {
        return access.read(null, dsl -> {
            var locations = DSL.selectCount().from(LOCATION).where(LOCATION.WORLD_KEY.eq(WORLD.WORLD_KEY))
                    .<Integer>asField("locations");
            var chats = DSL.selectCount().from(CHAT).where(CHAT.WORLD_KEY.eq(WORLD.WORLD_KEY))
                    .<Integer>asField("chats");
            var lastModified = DSL.select(DSL.coalesce(
                            DSL.max(DSL.when(WORLD_METADATA.SOURCE.eq(MetadataRows.STATE), WORLD_METADATA.LAST_MODIFIED)),
                            DSL.max(WORLD_METADATA.LAST_MODIFIED)))
                    .from(WORLD_METADATA).where(WORLD_METADATA.WORLD_KEY.eq(WORLD.WORLD_KEY))
                    .<Long>asField("last_modified");
            return dsl.select(WORLD.ID, WORLD.DISPLAY_NAME, WORLD.STATE_SHAPE, WORLD.MODIFIED_AT, lastModified, locations, chats)
                    .from(WORLD)
                    .orderBy(WORLD.DISPLAY_NAME, WORLD.ID)
                    .fetch(r -> new WorldSummary(r.get(WORLD.ID), r.get(WORLD.DISPLAY_NAME),
                            WorldShape.valueOf(r.get(WORLD.STATE_SHAPE)), r.get(WORLD.MODIFIED_AT).toInstant(),
                            r.get(lastModified), r.get(locations), r.get(chats)));
        });
    }

    @Override
    public World rename(String worldId, String displayName) {
        return rename(worldId, displayName, null);
    }

    @Override
    public World rename(String worldId, String displayName, long expectedRowVersion) {
        return rename(worldId, displayName, Long.valueOf(expectedRowVersion));
    }

    private World rename(String worldId, String displayName, Long expectedRowVersion) {
        Checks.worldId(worldId);
        Checks.nonEmpty(worldId, "display name", displayName, Checks.MAX_NAME);
        return access.write(worldId, dsl -> {
            if (expectedRowVersion == null) {
                WorldRows.lock(dsl, worldId);
            } else {
                WorldRows.lock(dsl, worldId, expectedRowVersion);
            }
            World renamed = name(dsl, worldId, displayName, true);
            log.info("world {}: renamed to \"{}\"", worldId, displayName);
            return renamed;
        });
    }

    /**
     * Gives a world its display name, in its row and its state's metadata ({@code touch}: moving the
     * metadata's last_modified on, as a rename does; a branch keeps it, being the source as of a moment).
     */
    private static World name(DSLContext dsl, String worldId, String displayName, boolean touch) {
        WorldRecord world = dsl.selectFrom(WORLD).where(WORLD.ID.eq(worldId)).fetchSingle();
        String stateDoc = MetadataRows.document(dsl, worldId, MetadataRows.STATE);
        if (stateDoc == null) {
            // A flat world gains "metadata" only to hold a display name (format spec §3.4).
            MetadataRows.put(dsl, worldId, MetadataRows.STATE, MetadataDocuments.withName(StoredJson.EMPTY_OBJECT, displayName));
            world.setKeyOrder(KeyOrders.keyOrder(KeyOrders.appendKeys(KeyOrders.keyOrder(world.getKeyOrder()), List.of("metadata"))));
            if (WorldShape.valueOf(world.getStateShape()) == WorldShape.F) {
                world.setStateShape(WorldShape.H.name());
            }
        } else {
            String named = MetadataDocuments.withName(stateDoc, displayName);
            MetadataRows.put(dsl, worldId, MetadataRows.STATE, touch
                    ? MetadataDocuments.touchLastModified(named, WorldRows.now().toEpochSecond()) : named);
        }
        world.setDisplayName(displayName);
        WorldRows.rename(dsl, worldId, displayName, world.getKeyOrder(), world.getStateShape());
        return toWorld(world);
    }

    @Override
    public World branch(String worldId, String newName) {
        return branch(worldId, newName, null);
    }

    @Override
    public World branch(String worldId, String newName, String label) {
        Checks.worldId(worldId);
        Checks.nonEmpty(worldId, "branch name", newName, Checks.MAX_NAME);
        Checks.optional(worldId, "branch label", label, Checks.MAX_NAME);
        String id = WorldIds.fromDisplayName(newName);
        Checks.optional(id, "branch name", newName, Checks.MAX_NAME);
        return access.writeAlone(id, dsl -> {
            WorldRows.holdUnchanged(dsl, worldId);
            Optional<String> clash = WorldRows.clashingId(dsl, id);
            if (clash.isPresent()) {
                throw new AlreadyExistsException(id, "cannot branch world " + worldId + " as \"" + newName
                        + "\": its id " + id + " clashes with existing world " + clash.get());
            }
            OffsetDateTime now = WorldRows.now();
            String parentName = dsl.select(WORLD.DISPLAY_NAME).from(WORLD).where(WORLD.ID.eq(worldId)).fetchSingle().value1();
            copyWorld(dsl, worldId, id, newName, now);
            World branch = name(dsl, id, newName, false);
            BranchRows.insert(dsl, id, worldId, parentName, now, label);
            log.info("world {}: branched from {} as \"{}\"", id, worldId, newName);
            return branch;
        });
    }

    /** Every table's rows of the world, each copied by that table's writer in one statement or a few. */
    private static void copyWorld(DSLContext dsl, String from, String to, String displayName, OffsetDateTime now) {
        WorldRows.copy(dsl, from, to, displayName, now);
        MetadataRows.copyWorld(dsl, from, to);
        LocationRows.copyWorld(dsl, from, to);
        VisitRows.copyWorld(dsl, from, to);
        PlayerRows.copyWorld(dsl, from, to);
        ChatRows.copyWorld(dsl, from, to);
        MessageRows.copyWorld(dsl, from, to);
        EventRows.copyWorld(dsl, from, to);
        FileRows.copyWorld(dsl, from, to);
    }

    @Override
    public Optional<Lineage> lineage(String worldId) {
        Checks.worldId(worldId);
        return access.read(worldId, dsl -> {
            WorldRows.requireWorld(dsl, worldId);
            return BranchRows.read(dsl, worldId);
        });
    }

    @Override
    public List<Lineage> branches() {
        return access.read(null, BranchRows::all);
    }

    @Override
    public Optional<String> metadataDocument(String worldId) {
        Checks.worldId(worldId);
        return access.read(worldId, dsl -> {
            WorldRows.requireWorld(dsl, worldId);
            return dsl.select(WORLD_METADATA.DOCUMENT).from(WORLD_METADATA)
                    .where(WORLD_METADATA.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)),
                            WORLD_METADATA.SOURCE.eq(MetadataRows.FILE))
                    .fetchOptional(WORLD_METADATA.DOCUMENT);
        });
    }

    @Override
    public void setMetadataDocument(String worldId, String jsonObject) {
        Checks.worldId(worldId);
        String document = StoredJson.requireObject(worldId, "metadata.json", jsonObject);
        access.write(worldId, dsl -> {
            WorldRows.lock(dsl, worldId);
            MetadataRows.put(dsl, worldId, MetadataRows.FILE, document);
            // An imported metadata.json that was not a JSON object is kept as a plain file at that path
            // (format spec §4). The document set now takes its place: both would be exported to metadata.json.
            if (FileRows.delete(dsl, worldId, METADATA_FILE_PATH)) {
                log.info("world {}: the metadata document replaces the unparsable {} kept as a file", worldId,
                        METADATA_FILE_PATH);
            }
            return null;
        });
    }

    @Override
    public void delete(String worldId) {
        Checks.worldId(worldId);
        access.writeAlone(worldId, dsl -> {
            // Lock first, so a writer that is mid-way in this world finishes before its rows go.
            WorldRows.lock(dsl, worldId);
            beforeDelete.run(dsl, worldId, "delete");
            // The lineage first: its rows name the world by key, which goes with the world's row.
            BranchRows.worldDeleted(dsl, worldId);
            WorldRows.delete(dsl, worldId);
            log.info("world {}: deleted", worldId);
            return null;
        });
    }

    static World toWorld(Record r) {
        WorldRecord w = r.into(WORLD);
        return new World(w.getId(), w.getDisplayName(), WorldShape.valueOf(w.getStateShape()),
                w.getFormatVersion() == null ? "1.0" : w.getFormatVersion(),
                w.getCurrentPosition() == null ? "0,0,0" : w.getCurrentPosition(),
                w.getBaseCharacterId(), w.getCreatedAt().toInstant(), w.getModifiedAt().toInstant(), w.getRowVersion());
    }
}
