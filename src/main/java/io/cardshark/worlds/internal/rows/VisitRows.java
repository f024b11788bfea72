package io.cardshark.worlds.internal.rows;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;

import static io.cardshark.worlds.internal.db.Tables.VISIT;
import static io.cardshark.worlds.internal.db.Tables.WORLD;

/** The one writer of {@code VISIT}: the player's visit history, appended to by moves and written whole by imports. */
public final class VisitRows {

    private static final Compiled ADD = Compiled.statement(DSL.insertInto(VISIT, VISIT.WORLD_KEY, VISIT.SEQ,
            VISIT.POSITION)
            .values(Compiled.bind(VISIT.WORLD_KEY), Compiled.bind(VISIT.SEQ), Compiled.bind(VISIT.POSITION)));
    /**
     * The world's last visit. Not MAX(seq): H2 computes that by reading every visit of the world, while this
     * walks the primary key backwards from the world's end and stops at the first row, so a move costs the
     * same after a million visits as after ten.
     */
    private static final Field<Integer> LAST_SEQ = DSL.field(DSL.select(VISIT.SEQ).from(VISIT)
            .where(VISIT.WORLD_KEY.eq(WORLD.WORLD_KEY))
            .orderBy(VISIT.WORLD_KEY.desc(), VISIT.SEQ.desc()).limit(1)).as("last_seq");
    /** The world's key and its last visit, in one statement: a move reads no more than it did by the world's id. */
    private static final Compiled LAST = Compiled.select(DSL.select(WORLD.WORLD_KEY, LAST_SEQ).from(WORLD)
            .where(WORLD.ID.eq(Compiled.bind(WORLD.ID))), WORLD.WORLD_KEY, LAST_SEQ);
    private static final int BATCH = 1000;

    private VisitRows() {
    }

    /**
     * Appends positions to the world's history, numbered on from its last visit. The world lock must be held,
     * so that no other writer takes the same numbers.
     */
    public static void append(DSLContext dsl, String worldId, List<String> positionKeys) {
        var row = LAST.fetch(dsl, worldId).stream().findFirst()
                .orElseThrow(() -> WorldRows.notFound(worldId));
        WorldKeys.remember(dsl, worldId, row.get(WORLD.WORLD_KEY));
        Integer last = row.get(LAST_SEQ);
        insert(dsl, worldId, last == null ? 0 : last + 1, positionKeys);
    }

    /** Writes positions numbered from {@code firstSeq}, in batches. */
    public static void insert(DSLContext dsl, String worldId, int firstSeq, List<String> positionKeys) {
        long worldKey = WorldKeys.of(dsl, worldId);
        int seq = firstSeq;
        List<Object[]> rows = new ArrayList<>(Math.min(positionKeys.size(), BATCH));
        for (String position : positionKeys) {
            rows.add(new Object[] {worldKey, seq++, position});
            if (rows.size() == BATCH) {
                ADD.executeAll(dsl, rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            ADD.executeAll(dsl, rows);
        }
    }

    /** Deletes the world's visit history; {@link WorldRows#delete} calls this. */
    static void deleteWorld(DSLContext dsl, long worldKey) {
        WorldRows.deleteRowsOf(dsl, worldKey, VISIT.WORLD_KEY);
    }

    /** A branch: the visit history, copied inside the database. */
    public static void copyWorld(DSLContext dsl, String from, String to) {
        WorldCopy.copy(dsl, VISIT, VISIT.WORLD_KEY, from, to);
    }

    /** A copy between stores ({@code copy}): the world's rows of {@code VISIT}, as they are, into another store's database. */
    public static long copyAcross(DSLContext from, DSLContext to, String worldId) {
        return Across.copyWorld(from, to, VISIT, VISIT.WORLD_KEY, worldId, List.of(VISIT.SEQ.asc()));
    }
}
