package io.cardshark.worlds.internal.rows;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.List;

import static io.cardshark.worlds.internal.db.Sequences.WORLD_KEY_SEQ;
import static io.cardshark.worlds.internal.db.Tables.WORLD_IMPORT;

/**
 * The one writer of {@code WORLD_IMPORT} (schema V11): the world keys that imports have taken and not finished.
 * On H2 an import commits its chats in steps under a key with no {@code WORLD} row yet, so that they stay out of
 * sight; its last step writes the world's row and {@link #finish}es. A key left here by an import that failed or
 * died is {@link #discard}ed with every row written under it.
 */
public final class ImportRows {

    private ImportRows() {
    }

    /** Takes a new world key from {@code WORLD_KEY_SEQ} for an import of world {@code worldId}, and records it. */
    public static long begin(DSLContext dsl, String worldId) {
        long worldKey = dsl.nextval(WORLD_KEY_SEQ);
        dsl.insertInto(WORLD_IMPORT).set(WORLD_IMPORT.WORLD_KEY, worldKey).set(WORLD_IMPORT.TARGET_ID, worldId)
                .set(WORLD_IMPORT.STARTED_AT, WorldRows.now()).execute();
        return worldKey;
    }

    /** The import's world row is written in this transaction: the key is a world's now. */
    public static void finish(DSLContext dsl, long worldKey) {
        dsl.deleteFrom(WORLD_IMPORT).where(WORLD_IMPORT.WORLD_KEY.eq(worldKey)).execute();
    }

    /** Deletes every row written under an unfinished import's key, and the key's record. */
    public static void discard(DSLContext dsl, long worldKey) {
        WorldRows.deleteRowsOf(dsl, worldKey);
        finish(dsl, worldKey);
    }

    /** Discards every unfinished import; for the open that holds the store, when no import can be running. */
    public static List<String> discardAll(DSLContext dsl) {
        var unfinished = dsl.selectFrom(WORLD_IMPORT).orderBy(WORLD_IMPORT.WORLD_KEY).fetch();
        unfinished.forEach(r -> discard(dsl, r.getWorldKey()));
        return unfinished.map(r -> r.getTargetId() + " (key " + r.getWorldKey() + ")");
    }

    /**
     * Whether {@code worldKey} belongs to an import that has not finished: for verify's count of rows of no world,
     * and for the merge's messages still live (a chat of such an import has its count only at its end).
     */
    public static Condition unfinished(Field<Long> worldKey) {
        return DSL.exists(DSL.selectOne().from(WORLD_IMPORT).where(WORLD_IMPORT.WORLD_KEY.eq(worldKey)));
    }
}
