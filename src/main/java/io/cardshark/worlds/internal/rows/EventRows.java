package io.cardshark.worlds.internal.rows;

import io.cardshark.worlds.internal.db.tables.records.WorldEventRecord;
import org.jooq.DSLContext;
import java.util.List;

import static io.cardshark.worlds.internal.db.Tables.WORLD_EVENT;

/** The one writer of {@code WORLD_EVENT}: records of events that happened, recorded by the API or imported. */
public final class EventRows {

    private static final TableInsert<WorldEventRecord> INSERT = new TableInsert<>(WORLD_EVENT);

    private EventRows() {
    }

    public static boolean exists(DSLContext dsl, String worldId, String eventId) {
        return dsl.fetchExists(WORLD_EVENT, WORLD_EVENT.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)),
                WORLD_EVENT.EVENT_ID.eq(eventId));
    }

    public static void insert(DSLContext dsl, WorldEventRecord row) {
        INSERT.insert(dsl, row);
    }

    /** Deletes the world's event records; {@link WorldRows#delete} calls this. */
    static void deleteWorld(DSLContext dsl, long worldKey) {
        WorldRows.deleteRowsOf(dsl, worldKey, WORLD_EVENT.WORLD_KEY);
    }

    /** A branch: the event records, copied inside the database. */
    public static void copyWorld(DSLContext dsl, String from, String to) {
        WorldCopy.copy(dsl, WORLD_EVENT, WORLD_EVENT.WORLD_KEY, from, to);
    }

    /** A copy between stores ({@code copy}): the world's rows of {@code WORLD_EVENT}, as they are, into another store's database. */
    public static long copyAcross(DSLContext from, DSLContext to, String worldId) {
        return Across.copyWorld(from, to, WORLD_EVENT, WORLD_EVENT.WORLD_KEY, worldId,
                List.of(WORLD_EVENT.EVENT_ID.asc()));
    }
}
