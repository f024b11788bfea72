package io.cardshark.worlds.internal.rows;

import io.cardshark.worlds.NotFoundException;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.HashMap;
import java.util.Map;

import static io.cardshark.worlds.internal.db.Tables.WORLD;

/**
 * A world's key (schema V8): the number that leads the primary key of every table of the world's rows, so that a
 * distributed PostgreSQL can keep them together by one column ({@code docs/scale-out.md}); only {@code WORLD} holds
 * the world's id. The key comes from the sequence {@code WORLD_KEY_SEQ} when the world's row is made (V7): a small
 * number, which H2 writes in a byte or two in every row and index entry of the world's messages.
 *
 * <p>{@link #of} reads a world's key once per transaction and remembers it in the transaction's jOOQ context
 * (one per transaction, {@code Engine.dsl}); the writer of {@code WORLD} ({@link WorldRows}) tells it when it makes or
 * deletes a row, the only changes of the mapping a transaction can see. Within one transaction the answer is
 * therefore the database's: a world's key never changes while its row lives.
 */
public final class WorldKeys {

    private static final String KNOWN = "cardshark.worldKeys";
    private static final Compiled KEY = Compiled.select(DSL.select(WORLD.WORLD_KEY).from(WORLD)
            .where(WORLD.ID.eq(Compiled.bind(WORLD.ID))), WORLD.WORLD_KEY);

    private WorldKeys() {
    }

    /** The key of world {@code worldId}. @throws NotFoundException when there is no such world */
    public static long of(DSLContext dsl, String worldId) {
        Map<String, Long> known = known(dsl);
        Long key = known.get(worldId);
        if (key == null) {
            key = KEY.fetch(dsl, worldId).stream().findFirst().map(r -> r.get(WORLD.WORLD_KEY))
                    .orElseThrow(() -> WorldRows.notFound(worldId));
            known.put(worldId, key);
        }
        return key;
    }

    /**
     * The world's key as a scalar subquery: NULL, so that a condition on it holds for no row, when there is no such
     * world. For a statement that may name a world that is not there (a search limited to one world).
     */
    public static Field<Long> field(String worldId) {
        return DSL.field(DSL.select(WORLD.WORLD_KEY).from(WORLD).where(WORLD.ID.eq(worldId)));
    }

    /** Records a key read with the world's row, so that {@link #of} need not read it again. */
    static void remember(DSLContext dsl, String worldId, long key) {
        known(dsl).put(worldId, key);
    }

    /** Forgets the world's key: its row was made or deleted in this transaction. */
    static void forget(DSLContext dsl, String worldId) {
        known(dsl).remove(worldId);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> known(DSLContext dsl) {
        return (Map<String, Long>) dsl.configuration().data().computeIfAbsent(KNOWN, k -> new HashMap<String, Long>());
    }
}
