package io.cardshark.worlds.internal.ops;

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

    public static final String METADATA_STATE = "STATE";
    public static final String METADATA_FILE = "FILE";
    /** The key order of world_state.json, read by every move ({@link #ensureStateKeys}), so compiled once. */
    private static final Compiled KEY_ORDER = Compiled.select(DSL.select(WORLD.KEY_ORDER).from(WORLD)
            .where(WORLD.ID.eq(Compiled.bind(WORLD.ID))), WORLD.KEY_ORDER);
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
            Optional<String> clash = clashingId(dsl, id);
            if (clash.isPresent()) {
                throw new AlreadyExistsException(id, "cannot create world \"" + displayName + "\": its id " + id
                        + " clashes with existing world " + clash.get());
            }
            OffsetDateTime now = WorldLocks.now();
            long epochSeconds = now.toEpochSecond();
            WorldRecord world = dsl.newRecord(WORLD);
            world.setId(id);
            world.setIdFold(WorldIds.caseFold(id));
            world.setDisplayName(displayName);
            world.setStateShape(WorldShape.H.name());
            world.setStateName(id);
            world.setFormatVersion("1.0");
            world.setCurrentPosition("0,0,0");
            world.setCreatedAt(now);
            world.setModifiedAt(now);
            world.setCreatedByStore(true);
            world.setKeyOrder(Documents.keyOrder(ModelFields.STATE));
            world.setRowVersion(0L);
            world.store();
            dsl.insertInto(PLAYER_STATE)
                    .set(PLAYER_STATE.WORLD_ID, id)
                    .set(PLAYER_STATE.HEALTH, 100L)
                    .set(PLAYER_STATE.STAMINA, 100L)
                    .set(PLAYER_STATE.LEVEL, 1L)
                    .set(PLAYER_STATE.EXPERIENCE, 0L)
                    .set(PLAYER_STATE.KEY_ORDER, Documents.keyOrder(ModelFields.PLAYER))
                    .execute();
            putMetadata(dsl, id, METADATA_STATE, Documents.newWorldMetadata(displayName, epochSeconds));
            log.info("world {}: created \"{}\"", id, displayName);
            return toWorld(world);
        });
    }

    /** The existing world whose id equals {@code id} ignoring case, if any. */
    public static Optional<String> clashingId(DSLContext dsl, String id) {
        return dsl.select(WORLD.ID).from(WORLD).where(WORLD.ID_FOLD.eq(WorldIds.caseFold(id))).fetchOptional(WORLD.ID);
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
            var locations = DSL.selectCount().from(LOCATION).where(LOCATION.WORLD_ID.eq(WORLD.ID)).<Integer>asField("locations");
            var chats = DSL.selectCount().from(CHAT).where(CHAT.WORLD_ID.eq(WORLD.ID)).<Integer>asField("chats");
            var lastModified = DSL.select(DSL.coalesce(
                            DSL.max(DSL.when(WORLD_METADATA.SOURCE.eq(METADATA_STATE), WORLD_METADATA.LAST_MODIFIED)),
                            DSL.max(WORLD_METADATA.LAST_MODIFIED)))
                    .from(WORLD_METADATA).where(WORLD_METADATA.WORLD_ID.eq(WORLD.ID)).<Long>asField("last_modified");
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
                WorldLocks.lockForWrite(dsl, worldId);
            } else {
                WorldLocks.lockForWrite(dsl, worldId, expectedRowVersion);
            }
            WorldRecord world = dsl.selectFrom(WORLD).where(WORLD.ID.eq(worldId)).fetchSingle();
            String stateDoc = dsl.select(WORLD_METADATA.DOCUMENT).from(WORLD_METADATA)
                    .where(WORLD_METADATA.WORLD_ID.eq(worldId), WORLD_METADATA.SOURCE.eq(METADATA_STATE))
                    .fetchOne(WORLD_METADATA.DOCUMENT);
            long epochSeconds = WorldLocks.now().toEpochSecond();
            if (stateDoc == null) {
                // A flat world gains "metadata" only to hold a display name (format spec §3.4).
                putMetadata(dsl, worldId, METADATA_STATE, Documents.withName(Documents.EMPTY_OBJECT, displayName));
                world.setKeyOrder(Documents.keyOrder(Documents.appendKeys(Documents.keyOrder(world.getKeyOrder()), List.of("metadata"))));
                if (WorldShape.valueOf(world.getStateShape()) == WorldShape.F) {
                    world.setStateShape(WorldShape.H.name());
                }
            } else {
                putMetadata(dsl, worldId, METADATA_STATE,
                        Documents.touchLastModified(Documents.withName(stateDoc, displayName), epochSeconds));
            }
            world.setDisplayName(displayName);
            world.store();
            log.info("world {}: renamed to \"{}\"", worldId, displayName);
            return toWorld(world);
        });
    }

    @Override
    public Optional<String> metadataDocument(String worldId) {
        Checks.worldId(worldId);
        return access.read(worldId, dsl -> {
            WorldLocks.requireWorld(dsl, worldId);
            return dsl.select(WORLD_METADATA.DOCUMENT).from(WORLD_METADATA)
                    .where(WORLD_METADATA.WORLD_ID.eq(worldId), WORLD_METADATA.SOURCE.eq(METADATA_FILE))
                    .fetchOptional(WORLD_METADATA.DOCUMENT);
        });
    }

    @Override
    public void setMetadataDocument(String worldId, String jsonObject) {
        Checks.worldId(worldId);
        String document = Documents.requireObject(worldId, "metadata.json", jsonObject);
        access.write(worldId, dsl -> {
            WorldLocks.lockForWrite(dsl, worldId);
            putMetadata(dsl, worldId, METADATA_FILE, document);
            // An imported metadata.json that was not a JSON object is kept as a plain file at that path
            // (format spec §4). The document set now takes its place: both would be exported to metadata.json.
            int replaced = dsl.deleteFrom(WORLD_FILE)
                    .where(WORLD_FILE.WORLD_ID.eq(worldId), WORLD_FILE.PATH.eq(METADATA_FILE_PATH)).execute();
            if (replaced > 0) {
                log.info("world {}: the metadata document replaces the unparsable {} kept as a file", worldId,
                        METADATA_FILE_PATH);
            }
            return null;
        });
    }

    /** Stores a metadata document and the columns lists and lookups read from it. */
    public static void putMetadata(DSLContext dsl, String worldId, String source, String document) {
        Documents.MetadataFields fields = Documents.metadataFields(document);
        dsl.mergeInto(WORLD_METADATA)
                .using(DSL.selectOne())
                .on(WORLD_METADATA.WORLD_ID.eq(worldId), WORLD_METADATA.SOURCE.eq(source))
                .whenMatchedThenUpdate()
                .set(WORLD_METADATA.DOCUMENT, document)
                .set(WORLD_METADATA.NAME, fields.name())
                .set(WORLD_METADATA.VERSION, fields.version())
                .set(WORLD_METADATA.LAST_MODIFIED, fields.lastModified())
                .set(WORLD_METADATA.CREATED_AT, fields.createdAt())
                .whenNotMatchedThenInsert(WORLD_METADATA.WORLD_ID, WORLD_METADATA.SOURCE, WORLD_METADATA.DOCUMENT,
                        WORLD_METADATA.NAME, WORLD_METADATA.VERSION, WORLD_METADATA.LAST_MODIFIED, WORLD_METADATA.CREATED_AT)
                .values(worldId, source, document, fields.name(), fields.version(), fields.lastModified(), fields.createdAt())
                .execute();
    }

    /**
     * Adds top-level keys of world_state.json that a change brings into being (a seed-shape world that
     * never had {@code visited_positions}, say). New keys go last, as the format asks (§3.4).
     */
    public static void ensureStateKeys(DSLContext dsl, String worldId, String... keys) {
        String stored = KEY_ORDER.fetch(dsl, worldId).get(0).get(WORLD.KEY_ORDER);
        List<String> order = Documents.keyOrder(stored);
        List<String> updated = Documents.appendKeys(order, List.of(keys));
        if (!updated.equals(order)) {
            dsl.update(WORLD).set(WORLD.KEY_ORDER, Documents.keyOrder(updated)).where(WORLD.ID.eq(worldId)).execute();
        }
    }

    @Override
    public void delete(String worldId) {
        Checks.worldId(worldId);
        access.write(worldId, dsl -> {
            // Lock first, so a writer that is mid-way in this world finishes before its rows go.
            WorldLocks.lockForWrite(dsl, worldId);
            beforeDelete.run(dsl, worldId, "delete");
            dsl.deleteFrom(WORLD).where(WORLD.ID.eq(worldId)).execute();
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
