package io.cardshark.worlds.internal.rows;

import io.cardshark.worlds.Lineage;
import io.cardshark.worlds.internal.db.tables.records.WorldBranchRecord;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static io.cardshark.worlds.internal.db.Tables.WORLD;
import static io.cardshark.worlds.internal.db.Tables.WORLD_BRANCH;

/** The one writer of {@code WORLD_BRANCH}: the lineage of branches. */
public final class BranchRows {

    private BranchRows() {
    }

    /** Records that {@code worldId} was copied from {@code parentId} at {@code at}. */
    public static void insert(DSLContext dsl, String worldId, String parentId, String parentName, OffsetDateTime at,
                              String label) {
        dsl.insertInto(WORLD_BRANCH)
                .set(WORLD_BRANCH.WORLD_KEY, WorldKeys.of(dsl, worldId))
                .set(WORLD_BRANCH.PARENT_ID, parentId)
                .set(WORLD_BRANCH.PARENT_NAME, parentName)
                .set(WORLD_BRANCH.PARENT_DELETED, false)
                .set(WORLD_BRANCH.BRANCHED_AT, at)
                .set(WORLD_BRANCH.LABEL, label)
                .execute();
    }

    /**
     * A world is deleted: its branches remember that their parent is gone (so a later world of the same id is not
     * taken for it). Its own lineage goes with its other rows ({@link WorldRows#delete}).
     */
    public static void worldDeleted(DSLContext dsl, String worldId) {
        dsl.update(WORLD_BRANCH).set(WORLD_BRANCH.PARENT_DELETED, true)
                .where(WORLD_BRANCH.PARENT_ID.eq(worldId)).execute();
    }

    /** Deletes the world's own lineage; {@link WorldRows#delete} calls this, for a delete and a replace alike. */
    static void deleteWorld(DSLContext dsl, long worldKey) {
        WorldRows.deleteRowsOf(dsl, worldKey, WORLD_BRANCH.WORLD_KEY);
    }

    public static Optional<Lineage> read(DSLContext dsl, String worldId) {
        return dsl.selectFrom(WORLD_BRANCH).where(WORLD_BRANCH.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)))
                .fetchOptional(r -> lineage(worldId, r));
    }

    /**
     * Every lineage record, oldest branch first. A branch's own id is its world's: a record outlives only the parent
     * (a branch's delete takes its record, {@link #worldDeleted}).
     */
    public static List<Lineage> all(DSLContext dsl) {
        return dsl.select(WORLD.ID).select(WORLD_BRANCH.fields()).from(WORLD_BRANCH)
                .join(WORLD).on(WORLD.WORLD_KEY.eq(WORLD_BRANCH.WORLD_KEY))
                .orderBy(WORLD_BRANCH.BRANCHED_AT, WORLD.ID)
                .fetch(r -> lineage(r.get(WORLD.ID), r.into(WORLD_BRANCH)));
    }

    private static Lineage lineage(String worldId, WorldBranchRecord r) {
        return new Lineage(worldId, r.getParentId(), r.getParentName(), r.getParentDeleted(),
                r.getBranchedAt().toInstant(), r.getLabel());
    }

    /** A copy between stores ({@code copy}): the world's rows of {@code WORLD_BRANCH}: its own lineage, as they are, into another store's database. */
    public static long copyAcross(DSLContext from, DSLContext to, String worldId) {
        return Across.copyWorld(from, to, WORLD_BRANCH, WORLD_BRANCH.WORLD_KEY, worldId, List.of());
    }
}
