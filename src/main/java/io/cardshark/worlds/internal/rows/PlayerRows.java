package io.cardshark.worlds.internal.rows;

import io.cardshark.worlds.internal.db.tables.records.PlayerStateRecord;
import org.jooq.DSLContext;

import java.util.Optional;
import java.util.List;

import static io.cardshark.worlds.internal.db.Tables.PLAYER_STATE;

/** The one writer of {@code PLAYER_STATE}: the player's stats, one row per world that has them. */
public final class PlayerRows {

    private static final TableInsert<PlayerStateRecord> INSERT = new TableInsert<>(PLAYER_STATE);

    private PlayerRows() {
    }

    public static Optional<PlayerStateRecord> read(DSLContext dsl, String worldId) {
        return dsl.selectFrom(PLAYER_STATE).where(PLAYER_STATE.WORLD_KEY.eq(WorldKeys.of(dsl, worldId))).fetchOptional();
    }

    public static void insert(DSLContext dsl, String worldId, PlayerStateRecord row) {
        row.setWorldKey(WorldKeys.of(dsl, worldId));
        INSERT.insert(dsl, row);
    }

    /** Replaces the world's stats with {@code row}. */
    public static void update(DSLContext dsl, String worldId, PlayerStateRecord row) {
        dsl.update(PLAYER_STATE)
                .set(PLAYER_STATE.HEALTH, row.getHealth())
                .set(PLAYER_STATE.STAMINA, row.getStamina())
                .set(PLAYER_STATE.LEVEL, row.getLevel())
                .set(PLAYER_STATE.EXPERIENCE, row.getExperience())
                .set(PLAYER_STATE.KEY_ORDER, row.getKeyOrder())
                .set(PLAYER_STATE.EXTRAS, row.getExtras())
                .where(PLAYER_STATE.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)))
                .execute();
    }

    /** Deletes the world's player state; {@link WorldRows#delete} calls this. */
    static void deleteWorld(DSLContext dsl, long worldKey) {
        WorldRows.deleteRowsOf(dsl, worldKey, PLAYER_STATE.WORLD_KEY);
    }

    /** A branch: the player's state, copied inside the database. */
    public static void copyWorld(DSLContext dsl, String from, String to) {
        WorldCopy.copy(dsl, PLAYER_STATE, PLAYER_STATE.WORLD_KEY, from, to);
    }

    /** A copy between stores ({@code copy}): the world's rows of {@code PLAYER_STATE}, as they are, into another store's database. */
    public static long copyAcross(DSLContext from, DSLContext to, String worldId) {
        return Across.copyWorld(from, to, PLAYER_STATE, PLAYER_STATE.WORLD_KEY, worldId, List.of());
    }
}
