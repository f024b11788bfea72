package io.cardshark.worlds.internal.rows;

import io.cardshark.worlds.ConcurrentUpdateException;
import io.cardshark.worlds.NotFoundException;
import io.cardshark.worlds.WorldIds;
import io.cardshark.worlds.internal.db.tables.records.WorldRecord;
import io.cardshark.worlds.internal.doc.KeyOrders;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.TableField;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static io.cardshark.worlds.internal.db.Tables.WORLD;

/**
 * The one writer of {@code WORLD}, for the API and the importer alike, and the world lock.
 *
 * <p>The lock: every write of a world first bumps its row version; the row lock that update takes is held
 * until commit, so a second writer of the same world waits for the first and then sees its changes (no lost
 * update), while writers of other worlds never wait.
 */
public final class WorldRows {

    private static final TableInsert<WorldRecord> INSERT = new TableInsert<>(WORLD, WORLD.WORLD_KEY);
    /** An import's world row, under the key its chats were written with ({@link ImportRows#begin}). */
    private static final TableInsert<WorldRecord> INSERT_KEYED = new TableInsert<>(WORLD);
    private static final Compiled LOCK = Compiled.statement(DSL.update(WORLD)
            .set(WORLD.ROW_VERSION, WORLD.ROW_VERSION.plus(1))
            .set(WORLD.MODIFIED_AT, Compiled.bind(WORLD.MODIFIED_AT))
            .where(WORLD.ID.eq(Compiled.bind(WORLD.ID))));
    /** A move: the lock and the new position in one statement, the store's most frequent write but one. */
    private static final Compiled LOCK_AND_MOVE = Compiled.statement(DSL.update(WORLD)
            .set(WORLD.ROW_VERSION, WORLD.ROW_VERSION.plus(1))
            .set(WORLD.MODIFIED_AT, Compiled.bind(WORLD.MODIFIED_AT))
            .set(WORLD.CURRENT_POSITION, Compiled.bind(WORLD.CURRENT_POSITION))
            .where(WORLD.ID.eq(Compiled.bind(WORLD.ID))));
    /** The key order of world_state.json, read by every move ({@link #addStateKeys}), so compiled once. */
    private static final Compiled KEY_ORDER = Compiled.select(DSL.select(WORLD.KEY_ORDER).from(WORLD)
            .where(WORLD.ID.eq(Compiled.bind(WORLD.ID))), WORLD.KEY_ORDER);

    private WorldRows() {
    }

    /**
     * A new world's row; {@code ID_FOLD} is set here, from the id, so that it can never disagree with it. Its key
     * is the row's when set (an import's, {@link ImportRows#begin}), else the next of {@code WORLD_KEY_SEQ}
     * ({@link WorldKeys}).
     */
    public static void insert(DSLContext dsl, WorldRecord row) {
        row.setIdFold(WorldIds.caseFold(row.getId()));
        WorldKeys.forget(dsl, row.getId());
        if (row.getRowVersion() == null) {
            row.setRowVersion(0L);
        }
        (row.getWorldKey() == null ? INSERT : INSERT_KEYED).insert(dsl, row);
    }

    /** Locks the world for this transaction and records the change. @throws NotFoundException when absent */
    public static void lock(DSLContext dsl, String worldId) {
        requireLocked(LOCK.execute(dsl, now(), worldId), worldId);
    }

    /** Like {@link #lock}, but only if the world is still at the version the caller read. */
    public static void lock(DSLContext dsl, String worldId, long expectedRowVersion) {
        int updated = dsl.update(WORLD)
                .set(WORLD.ROW_VERSION, WORLD.ROW_VERSION.plus(1))
                .set(WORLD.MODIFIED_AT, now())
                .where(WORLD.ID.eq(worldId).and(WORLD.ROW_VERSION.eq(expectedRowVersion)))
                .execute();
        if (updated == 0) {
            Long actual = dsl.select(WORLD.ROW_VERSION).from(WORLD).where(WORLD.ID.eq(worldId)).fetchOne(WORLD.ROW_VERSION);
            if (actual == null) {
                throw notFound(worldId);
            }
            throw new ConcurrentUpdateException(worldId, "world " + worldId + ": expected row version "
                    + expectedRowVersion + " but it is " + actual + "; another writer changed it, re-read and retry");
        }
    }

    /** Locks the world and sets the player's position, in one statement. */
    public static void lockAndMove(DSLContext dsl, String worldId, String positionKey) {
        requireLocked(LOCK_AND_MOVE.execute(dsl, now(), positionKey, worldId), worldId);
    }

    /** The display name, and what a rename brings with it: the state's key order and shape. */
    public static void rename(DSLContext dsl, String worldId, String displayName, String keyOrder, String shape) {
        dsl.update(WORLD).set(WORLD.DISPLAY_NAME, displayName).set(WORLD.KEY_ORDER, keyOrder)
                .set(WORLD.STATE_SHAPE, shape).where(WORLD.ID.eq(worldId)).execute();
    }

    /**
     * Adds top-level keys of world_state.json that a change brings into being (a seed-shape world that never
     * had {@code visited_positions}, say). New keys go last, as the format asks (§3.4).
     */
    public static void addStateKeys(DSLContext dsl, String worldId, String... keys) {
        String stored = KEY_ORDER.fetch(dsl, worldId).get(0).get(WORLD.KEY_ORDER);
        List<String> order = KeyOrders.keyOrder(stored);
        List<String> updated = KeyOrders.appendKeys(order, List.of(keys));
        if (!updated.equals(order)) {
            dsl.update(WORLD).set(WORLD.KEY_ORDER, KeyOrders.keyOrder(updated)).where(WORLD.ID.eq(worldId)).execute();
        }
    }

    /**
     * Holds the world's row lock without changing the world ({@code SELECT ... FOR UPDATE}): its writers wait
     * until this transaction ends, so a branch copies one moment of it and the source's own figures (row
     * version, last change) stay as they were.
     */
    public static void holdUnchanged(DSLContext dsl, String worldId) {
        if (dsl.selectOne().from(WORLD).where(WORLD.ID.eq(worldId)).forUpdate().fetchOptional().isEmpty()) {
            throw notFound(worldId);
        }
    }

    /**
     * A branch: a new world row {@code to}, a copy of {@code from}'s with the new display name, made now, at
     * row version 0.
     */
    public static void copy(DSLContext dsl, String from, String to, String displayName, OffsetDateTime now) {
        WorldCopy.copy(dsl, WORLD, WORLD.ID, from, to, java.util.Map.of(
                WORLD.ID_FOLD, DSL.val(WorldIds.caseFold(to)),
                WORLD.DISPLAY_NAME, DSL.val(displayName),
                // A state whose top-level "name" is its folder name (CardShark's own) names the branch's folder.
                WORLD.STATE_NAME, DSL.when(WORLD.STATE_NAME.eq(from), DSL.val(to)).else_(WORLD.STATE_NAME),
                WORLD.CREATED_AT, DSL.val(now),
                WORLD.MODIFIED_AT, DSL.val(now),
                WORLD.ROW_VERSION, DSL.val(0L)), List.of(WORLD.WORLD_KEY));
        WorldKeys.forget(dsl, to);
    }

    /**
     * Deletes the world with every row of it, each table's by its writer: on H2 only {@code PLAYER_STATE} has a
     * foreign key left to cascade (schemas V6 and V10), and on PostgreSQL the cascades then find nothing. The
     * world's branches are told by {@link BranchRows#worldDeleted}, which a delete (not a replace) runs first.
     */
    public static void delete(DSLContext dsl, String worldId) {
        deleteRowsOf(dsl, WorldKeys.of(dsl, worldId));
        dsl.deleteFrom(WORLD).where(WORLD.ID.eq(worldId)).execute();
        WorldKeys.forget(dsl, worldId);
    }

    /** Deletes every row under the world key but the world's own row: a world's, or an unfinished import's. */
    static void deleteRowsOf(DSLContext dsl, long worldKey) {
        MessageRows.deleteWorld(dsl, worldKey);
        ChatRows.deleteWorld(dsl, worldKey);
        LocationRows.deleteWorld(dsl, worldKey);
        VisitRows.deleteWorld(dsl, worldKey);
        PlayerRows.deleteWorld(dsl, worldKey);
        MetadataRows.deleteWorld(dsl, worldKey);
        EventRows.deleteWorld(dsl, worldKey);
        FileRows.deleteWorld(dsl, worldKey);
        BranchRows.deleteWorld(dsl, worldKey);
    }

    /** Deletes the rows of a world from the table of {@code worldColumn}; for that table's writer. */
    static void deleteRowsOf(DSLContext dsl, long worldKey, TableField<?, Long> worldColumn) {
        dsl.deleteFrom(worldColumn.getTable()).where(worldColumn.eq(worldKey)).execute();
    }

    /** The existing world whose id equals {@code id} ignoring case, if any. */
    public static Optional<String> clashingId(DSLContext dsl, String id) {
        return dsl.select(WORLD.ID).from(WORLD).where(WORLD.ID_FOLD.eq(WorldIds.caseFold(id))).fetchOptional(WORLD.ID);
    }

    /** Fails unless the world exists; for reads. */
    public static void requireWorld(DSLContext dsl, String worldId) {
        WorldKeys.of(dsl, worldId);
    }

    private static void requireLocked(int updated, String worldId) {
        if (updated == 0) {
            throw notFound(worldId);
        }
    }

    /** The failure of a call that names a world the store does not have. */
    static NotFoundException notFound(String worldId) {
        return new NotFoundException(worldId, "world " + worldId + " does not exist");
    }

    /** Now, at the millisecond precision the time columns keep, so a returned row equals the one read back. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    /** A copy between stores ({@code copy}): the world's rows of {@code WORLD}, as they are, into another store's database. */
    public static long copyAcross(DSLContext from, DSLContext to, String worldId) {
        long n = Across.copy(from, to, WORLD, WORLD.ID.eq(worldId), List.of(), java.util.Map.of(), List.of(WORLD.WORLD_KEY));
        WorldKeys.forget(to, worldId);
        return n;
    }
}
